// Who said it: the speaker as the article writes them, before or after the verb of saying, in Arabic and other scripts.
import { describe, expect, it } from 'vitest';
import { readCues } from '../../../lib/facts/cues';
import { findSpeaker } from '../../../lib/facts/speaker';
import { splitWords } from '../../../lib/facts/words';

const speaker = (text: string) => findSpeaker(text, splitWords(text));
const cues = (text: string) => readCues(text, splitWords(text));

describe('findSpeaker', () => {
  it('finds the name before or after an English verb of saying', () => {
    expect(speaker('“It sounded like strong women raised him,” said Ruffin, who owns a firm.')).toBe('Ruffin');
    expect(speaker('“People are cautious,” InfoNation President Dan McDowell said.')).toBe(
      'InfoNation President Dan McDowell',
    );
    expect(speaker('While press secretary Stephanie Grisham said the trip was routine, he did not.')).toBe(
      'Stephanie Grisham',
    );
    expect(speaker('The San Francisco Chronicle says police are looking into it.')).toBe('The San Francisco Chronicle');
    expect(speaker('Patrick has said he will have visibility.')).toBe('Patrick');
    expect(speaker('“We implore you to act,” the physicians stated in the letter.')).toBe('the physicians');
  });

  it('takes the name between commas after a title, and after a possessive title following the verb', () => {
    expect(speaker('Russia’s chief negotiator, Vladimir Medinsky, said Moscow had offered a truce.')).toBe(
      'Vladimir Medinsky',
    );
    expect(speaker('“Every megawatt counts,” said Ukraine’s energy minister, Herman Halushchenko.')).toBe(
      'Herman Halushchenko',
    );
    expect(speaker('“Every megawatt counts,” said Ukraine’s energy minister.')).toBe('Ukraine’s energy minister');
    expect(speaker('Premiums stand at about 1% of a ship’s value, shipping brokers in Istanbul said.')).toBe(
      'shipping brokers in Istanbul',
    );
  });

  it('takes the name before a title between commas, and the source after "according to"', () => {
    expect(
      speaker('“We saw a need,” Steve Clarke, deputy associate administrator for exploration, said in a call.'),
    ).toBe('Steve Clarke');
    expect(speaker('Dealers sold 303,417 vehicles, up 4 percent, according to InfoNation.')).toBe('InfoNation');
    expect(speaker('It made 13,000 claims, according to The Washington Post’s Fact Checker.')).toBe(
      'The Washington Post’s Fact Checker',
    );
  });

  it('names no one for a pronoun, a bare quotation or a verb inside the quotation', () => {
    expect(speaker('“This is based on our objectives,” he said.')).toBeUndefined();
    expect(speaker('Finding water vapor on Europa, he said, is the next best thing.')).toBeUndefined();
    expect(speaker('There is a saying that goes “a figure is formed by flowers”.')).toBeUndefined();
    expect(speaker('“As my statements said, he is in good health,” the note read.')).toBeUndefined();
    expect(speaker('Near McAllen, Texas, and argued that the border needs work.')).toBeUndefined();
    // A name right after the verb that goes on with a verb is the reported clause's subject, not the speaker.
    expect(speaker('In a statement, officials said Moscow had offered a ceasefire of two days.')).toBeUndefined();
    expect(speaker('The plan is final, aides said Tuesday.')).toBeUndefined();
    // A title stands between two commas; a word before one comma ("in May, analysts said") is no name.
    expect(
      speaker('Bills are likely to rise after gas prices climbed 18% in May, analysts said on Thursday.'),
    ).toBeUndefined();
  });

  it('reads the Arabic speaker after the verb, up to "إن/أن", a preposition, a comma or a quotation', () => {
    expect(speaker('وقال الجبير في مؤتمر صحافي أمس إن الرياض ترفض ذلك.')).toBe('الجبير');
    expect(speaker('وأوضح بائع الجملة أحمد القاضي أن الطلب تراجع.')).toBe('بائع الجملة أحمد القاضي');
    expect(speaker('قال ظريف، الذي أجرى جولة في المنطقة، إن إيران تبعث برسالة سلام.')).toBe('ظريف');
    expect(speaker('وقال رئيس الوفد الأوكراني وزير الدفاع، رستم عمروف، في تصريحات إن بلاده وافقت.')).toBe(
      'رئيس الوفد الأوكراني وزير الدفاع، رستم عمروف',
    );
    expect(speaker('وبحسب البيان فإن الشركة باعت 400 سيارة.')).toBe('البيان');
    // A name in guillemets belongs to the speaker; after "كان" the subject stands before the verb.
    expect(speaker('نقل موقع «أكسيوس» الإخباري الأميركي، اليوم الجمعة، عن مسؤولين قولهم إن اللقاء قريب.')).toBe(
      'موقع «أكسيوس» الإخباري الأميركي',
    );
    expect(speaker('ونقل «أكسيوس» عن مسؤول أميركي قوله إن واشنطن مستعدة.')).toBe('«أكسيوس»');
    expect(speaker('وقال الوزير «لن نتراجع عن القرار» ثم غادر.')).toBe('الوزير');
    expect(speaker('كان زيلينسكي قال اليوم الجمعة إن وفد بلاده اتفق على عقد اجتماع.')).toBe('زيلينسكي');
    // Found by bench:stories, where extractFacts threw on such a sentence.
    expect(speaker('قال الوزير، أحمد')).toBe('الوزير');
  });

  it('names no one after an Arabic participle, a colon or a quotation right after the verb', () => {
    expect(speaker('أدان الوزير التصريحات، معتبرا تلك التصريحات بأنها عدوانية.')).toBeUndefined();
    // "قائلا" (saying) continues the verb before it: it is never the speaker.
    expect(
      speaker('ودعا الوزير إلى الإسراع في الخطة، وحذر قائلا: «يجب ألا يتحول الوضع إلى أمر دائم».'),
    ).toBeUndefined();
    expect(speaker('«نحن مستعدون للحوار مع الجميع» — قائلا إن الباب مفتوح.')).toBeUndefined();
    expect(speaker('وأضاف: «نرفض العدوانية ضد دول المنطقة».')).toBeUndefined();
    expect(speaker('وعن ترشحه قال “بكل صدق، لا أقوم إلا بدراسة الأمر”.')).toBeUndefined();
  });

  it('reads other languages with case the way it reads English', () => {
    expect(speaker('„Das ist ein Fehler“, sagte Bundeskanzler Olaf Scholz am Mittwoch.')).toBe(
      'Bundeskanzler Olaf Scholz',
    );
    expect(speaker('La décision est historique, selon Alain Fuchs.')).toBe('Alain Fuchs');
  });
});

describe('readCues', () => {
  it('finds decisions and events in Arabic (through clitics), English and by stem elsewhere', () => {
    expect(cues('وقررت الحكومة رفع الأسعار.')).toMatchObject({ decision: true });
    expect(cues('He ordered that they be held another 48 hours.')).toMatchObject({ decision: true });
    expect(
      readCues('Le gouvernement a annoncé la fermeture.', splitWords('Le gouvernement a annoncé la fermeture.'), 'fr'),
    ).toMatchObject({ decision: true });
    expect(cues('وقتل 28 عنصرا في الهجوم.')).toMatchObject({ event: true, decision: false });
    expect(cues('Sales fell 10 percent in October.')).toMatchObject({ event: true, decision: false });
    expect(cues('The weather is nice and the sky is blue.')).toMatchObject({ event: false, decision: false });
  });

  it('counts commentary words and capitalized names after the first word', () => {
    expect(cues('I think we could all do this if you really want.')).toMatchObject({ chatty: 7, names: 0 });
    expect(cues('Patrick met Biden in Columbia on Tuesday.')).toMatchObject({ chatty: 0, names: 3 });
    expect(cues('قال الوزير إن الاجتماع انتهى.')).toMatchObject({ chatty: 0, names: 0 });
  });
});
