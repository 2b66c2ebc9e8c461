// Pairs of fact sentences for the grouping threshold: rewrites of one fact by different outlets, and different facts
// of the same story that happen to share a figure. Written for Beatwatch (CC0).

/** The same fact reported by two outlets. */
export const SAME_FACT: [string, string][] = [
  [
    'وقال رئيس الوفد الأوكراني رستم عمروف إن بلاده وروسيا وافقتا على تبادل جثث 6 آلاف جندي من كل جانب.',
    'أعلن رئيس الوفد الأوكراني رستم عمروف أن أوكرانيا وروسيا اتفقتا على تبادل جثث 6 آلاف جندي من كل جانب.',
  ],
  [
    'اتفقت موسكو وكييف على تبادل جميع الأسرى العسكريين الذين تقل أعمارهم عن 25 عاماً.',
    'وأكد ميدينسكي أن موسكو وكييف اتفقتا على تبادل جميع الأسرى العسكريين الذين تقل أعمارهم عن 25 عاماً.',
  ],
  [
    'سجلت مدينة البصرة أمس درجة حرارة بلغت 51.2 درجة مئوية، هي الأعلى منذ بداية الصيف.',
    'بلغت درجة الحرارة في البصرة 51.2 درجة مئوية أمس، في أعلى مستوى منذ بداية الصيف.',
  ],
  [
    "Ukraine and Russia agreed to exchange the bodies of 6,000 soldiers from each side, Ukraine's defence minister said.",
    'Russia and Ukraine agreed to swap the bodies of 6,000 soldiers from each side, Ukrainian Defence Minister Rustem Umerov said.',
  ],
  [
    'The central bank raised its benchmark rate by a quarter point to 4.75 percent on Thursday.',
    'On Thursday the central bank raised its benchmark interest rate a quarter point, to 4.75 percent.',
  ],
  [
    'Three people were killed and 48 injured when a passenger train derailed near Millbrook on Saturday.',
    'A passenger train derailed near Millbrook on Saturday evening, killing three people and injuring 48.',
  ],
  [
    'The wildfire has burned more than 12,000 acres and forced about 3,000 residents to evacuate.',
    'More than 12,000 acres have burned and some 3,000 residents were forced to evacuate, fire officials said.',
  ],
  [
    'La SNCF prévoit un TGV sur deux et 30 % des TER jeudi.',
    'Jeudi, la SNCF prévoit de faire circuler un TGV sur deux et 30 % des TER.',
  ],
];

/** Different facts of one story that share their figures. */
export const DIFFERENT_FACTS: [string, string][] = [
  [
    'The two sides exchanged 1,000 prisoners each after the first round on 16 May.',
    'Ukraine says Russia holds 1,000 children who were deported from occupied areas on 16 May.',
  ],
  ['وشملت عملية التبادل ألف أسير من كل جانب.', 'وقالت كييف إن ألف طفل نقلوا قسراً إلى روسيا خلال الحرب.'],
  [
    'The council approved a $25 million pilot program for mental-health responders.',
    'Small businesses will get grants of $25 million under a relief program approved by the council.',
  ],
  ['The fire has burned 12,000 acres of forest.', 'New rules protect 12,000 acres of farmland from development.'],
  ['انقطعت الكهرباء عن 12 ألف مشترك بسبب السيول.', 'أجلت فرق الإنقاذ 12 ألف شخص من المناطق المنخفضة.'],
];
