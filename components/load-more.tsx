import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';

/** Props of LoadMore. */
export interface Props {
  loading: boolean;
  onMore: () => void;
}

/** The end of a paged list: asks for the next page when scrolled into view, or when pressed. */
export function LoadMore({ loading, onMore }: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || loading || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [loading, onMore]);
  return (
    <button ref={ref} class="link load-more" disabled={loading} onClick={onMore}>
      {loading ? t('loading') : t('loadMore')}
    </button>
  );
}
