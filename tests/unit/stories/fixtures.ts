// Hand-written, fictional news items (no corpus text) for the story-grouping tests: a few wire stories told by
// several sites in the ways that defeat a fact-by-fact merge, and a beat's other news around them.
import type { GroupableArticle } from '@/lib/stories/group';
import { bodyTerms } from '@/lib/stories/profile';

export interface TestArticle extends GroupableArticle {
  url: string;
  siteName?: string;
}

const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.parse('2026-03-02T08:00:00Z');

export function article(
  id: string,
  title: string,
  excerpt: string,
  facts: string[] = [],
  hoursAfter = 0,
  siteName?: string,
): TestArticle {
  return {
    id,
    url: `https://${siteName ?? 'news.example'}/${id}`,
    siteName,
    title,
    excerpt,
    facts: facts.map((text) => ({ text })),
    // The body as these items have one: the lead, then the key facts' sentences.
    storyTerms: bodyTerms([excerpt, ...facts].join(' ')),
    publishedAt: new Date(T0 + hoursAfter * 60 * 60 * 1000).toISOString(),
    firstSeenAt: T0 + DAY,
  };
}

/** Other news of the beat, so that rarity means something. */
export const BACKGROUND: TestArticle[] = [
  article(
    'bg-port',
    'افتتاح المرحلة الثانية من ميناء الدمام التجاري',
    'افتتح وزير النقل المرحلة الثانية من توسعة ميناء الدمام التجاري بطاقة استيعابية إضافية للحاويات.',
  ),
  article(
    'bg-rain',
    'أمطار غزيرة على مرتفعات عسير والدفاع المدني يحذر',
    'حذر الدفاع المدني من السيول في أودية عسير مع هطول أمطار غزيرة على المرتفعات مساء أمس.',
  ),
  article(
    'bg-football',
    'الهلال يتعاقد مع مدافع برازيلي لثلاثة مواسم',
    'أعلن نادي الهلال التعاقد مع مدافع برازيلي قادم من الدوري البرتغالي لمدة ثلاثة مواسم.',
  ),
  article(
    'bg-oil',
    'أسعار النفط تتراجع مع ارتفاع المخزونات الأمريكية',
    'تراجعت أسعار النفط في التعاملات الآسيوية بعد بيانات أظهرت ارتفاع مخزونات الخام في الولايات المتحدة.',
  ),
  article(
    'bg-school',
    'وزارة التعليم تعلن مواعيد الاختبارات النهائية',
    'أعلنت وزارة التعليم مواعيد الاختبارات النهائية للفصل الدراسي الثاني في جميع المناطق.',
  ),
  article(
    'bg-health',
    'حملة تطعيم ضد الإنفلونزا الموسمية في المراكز الصحية',
    'أطلقت وزارة الصحة حملة تطعيم ضد الإنفلونزا الموسمية في المراكز الصحية بالمدن الكبرى.',
  ),
];
