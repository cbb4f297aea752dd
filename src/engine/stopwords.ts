// Function words and conversational filler per language: they say how a question is asked, not what
// it is about, so they never count as matching evidence. Linguistic data, not facts of the article.
// Words are written lower-case; Turkish and Russian are compared after foldKey (no ç ğ ı ş ö ü, ё → е).

import { foldKyrgyz, isKyrgyzAuxiliary } from "./kyrgyz.ts";
import { foldKey } from "./normalize.ts";

const EN = `a an the and or but if of in on at to for from by with about as into onto over after before between
during within without against than then so too very just also any some all each every other such only own same else
is are was were be been being am do does did done doing have has had having will would shall should can could
may might must i me my mine we us our you your yours he him his she her it its they them their this that these
those there here what whats which who whom whose when where why how not no yes yeah ok okay please tell say
explain describe give show let know knew want wanted wonder wondering like liked would need curious interested
question questions something anything thing things stuff really actually exactly maybe perhaps
exact precisely concretely literally verbatim
mr mrs ms dr sir dear hey hi hello thanks thank much many more most lot lots kind sort get got one ones s t d ll ve re m
according according mention mentioned mentions write writes wrote written read reading said says stated state
abt unrelated offtopic pls plz u ur r pl wanna gonna gotta dunno anyway anyways lol lmao haha btw hmm bro guys quick quickly honestly
morning evening afternoon tbh idk imo except excluding tho though ngl fr kinda sorta rn lowkey srsly omg ikr rip
basically up down out off under above below across through throughout toward towards upon among amongst linked
via per beyond along around behind beside besides apart aside despite near since until till
somewhere anywhere nowhere someone somebody anyone anybody everything nothing
im ive thats theres hes shes theyre youre dont doesnt didnt isnt arent wasnt werent cant wont wouldnt shouldnt couldnt havent hasnt
don doesn didn isn aren wasn weren won wouldn shouldn couldn haven hasn
ought needs dude fella chap bloke mainly overall generally essentially mostly
kindly grateful either neither enough bit others supposed mentioning guessing sorry personal
specifically particularly angle associated associate connected nah nope yep yup still info smth sth smthng ppl rly
confused confusing again quite rather wait aka ir full fully`;

const RU = `и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне
скоро вскоре снова редко давно долго быстро таки буду будешь будем будете будут
было вот от меня еще ещё нет о об обо из ему теперь когда даже ну вдруг ли если уже или ни быть был была были
него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем
сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой какая какое какие каких
каким каком какую каков совсем ним здесь этом один почти мой тем чтобы нее сейчас куда зачем всех никогда можно при
наконец другой другие другая другое других другим другими хоть после над больше тот через эти нас про всего них много разве эту моя впрочем хорошо свою этой
перед иногда лучше чуть том нельзя такой им более всегда конечно всю почему скажите скажи расскажите расскажи
подскажите подскажи пожалуйста хочу хотел хотела хотелось знать узнать интересно объясните объясни опишите
говорится сказано написано пишет пишут упоминается упомянуто вообще именно вопрос вопросы это эта это эти
дословно конкретно точно подробно подробнее поподробнее упоминает упоминают упоминал упомянул упомянута упомянут
ваш ваша наш наша чей чья чьё кого кому кем ком сколько каково какова такое такая таков значит означает понимается подразумевается подразумевают
че чё чо часто слушай короче кстати насчет нащет блин сорри типа ладно приветик привет здравствуйте кроме помимо нам
является являются являлся являлась данный данного данной данном данная данное данные данных
целом основном который которая которое которые которого которой которому которую которым которыми котором
которых причем пжлст пжл плз плиз пж весь связано связан связана связаны чтоли штоли
знаете знаешь случайно серьезно рамках рамки качестве осуществляется осуществляет осуществляют
господин госпожа господина госпожи
несколько сорок
будьте любезны любезен любезна применительно ключе`;

// Chat words for a person ("этот чувак"), and modal words ("must", "should", "may"): they say how
// something is asked, not what about.
const RU_FILLER = `чувак мужик брат братан братишка бро`;
const RU_MODAL = `должен должна должны должно следует могут можно обязан обязана обязаны`;
const TR_MODAL = `gerek gerekir gerekiyor olmalı olmamalı olmalıdır zorunda`;
const KY_MODAL = `тийиш тийишпи мүмкүн мүмкүнбү`;

const TR_FILLER = `etsem böyle hemen olacak olacağı olacakmış olur başka diğer diğerleri falan filan kendi kendisi kendisinin kendisine ya yav abi abla kanka hocam valla vallahi açıkçası aslında galiba herhalde şimdi selam selamlar
merhaba merhabalar biliyor biliyormusun bilir bilirmisin dışında hariç biraz yoksa burada burda orada orda
rica ederim ediyorum ettiği ettiğini bahsi bahsedilen
bey beyin beyi hanım hanımın bay bayan efendi
neymiş neymişti denen denilen dediği dedikleri pek tarif büyük ikisi ikisinin ikisi de
bunlar bunları bunlara bunlarla bunlardan bunların şunlar şunları onları onlara onlarla onlardan onların
neyse hoca eşim eşimle eşime içinde hala hâlâ bize gece rahat razı
bilgi bilgiyi bilgisi alaka alakası alakasi alakalı alakali ilgisi`;

const TR = `ve ile bir bu şu o onu ona ondan onda da de mi mı mu mü ne neden niçin niye nasıl kim kimi kime kimle kiminle kimin kimler
hangi hangisi hangileri nerede nerde nereye nereden zaman için gibi kadar daha en ama fakat veya ya ki ise olan olarak
oldu olmuş olduğu olduğunu var vardı varmış vardır varmıydı yok yoktu yokmuş nedir midir mıdır mudur müdür neler nelerdir kaç hakkında göre bana söyle
söyler söyleyin söyleyebilir anlat anlatır anlatın lütfen merak ediyorum acaba sence sizce ben sen biz siz onlar onun
bunu şunu bunun bundan bunda buna şundan şuna her tüm hem diye sonra önce idi mıydı miydi neydi kimdi nasıldı ediyor eder etti bilmek
istiyorum soru sorular peki yani hani şey şeyi şeyler bişey bisey birşey birsey bişeyler biseyler çünkü ancak anlam anlamı anlama demek geliyor
nelerdi hangileri neyi neyin neye nelerin diyor deniyor yazıyor yazılıyor söylüyor bahsediyor bahsedilir
tam mısın misin musun müsün mısınız misiniz musunuz müsünüz geçiyor geçer geçmektedir bahsediliyor ediliyor edilir edilmiş
ayrıca anılıyor anılır anılan ilgili dair konusunda hususunda diyo yazıyo söylüyo bahsediyo geçiyo karşı hep hepsi
çok hiç geçen kısım kısmı kısımda kısmında değil değildir değilim değilsin değiliz doğrudan tarafından
esasen`;

// Kyrgyz: question words, particles and postpositions.
const KY = `жана менен ким кимдер кимди кимге кимдин эмне эмнени эмнеге эмнеси кайсы качан кайда кайдан канча
кандай үчүн бул ошол ал алар мен сен биз силер деген болгон болот бар жок да дагы же бирок тууралуу жөнүндө
айтып айтчы бериңиз берчи барбы бекен го эле беле эмес экен ким менен деп жазылган жазылат жазат
айтылат айтылган болду өз өзү өзүнүн келет келди алкагында эми деги братан салам кутман кеч таң
саламатсызбы тышкары делген делинген делет бир нерсе окуя
мырза мырзанын айым байке эже агай
булар буларды буларга булардын булардан аларды аларга алардан ошолор ошолорду ошолорго
турат турган турабы турушат апам аман кыйын айылда айылдан айылга ошон ошондо ошону ошонун анча
дейт деп дешет дешти кылган кылышкан жасаган калып калат калбайбы жатат жатышат жатасыз жатабы жатышабы жагынан боюнча тарап тарабынан биздин бизде бизге бизди менин мага мени
сиз сиздин силер силерге алардын анын аны ага ушул ушундай баары баарына баарыңарга башка элек чын чынында
муну муны буну буны мунун бунун мына буга ушуну тиги тигил ортосунда ортосундагы арасында арасындагы
маалымат маалыматты маалыматтар ооба анан анда ошондо түздү түзүштү катары көп аз эң негизинен өзүнө өзүн ушунча ушунчалык оюнча пикиринче кайсыл эмнелер эмнелерди эмнеси кандайча кантип сураныч сурайм билгим келет айтып бериңизчи бересизби бересиңби бериңизчи экенин экени экендигин
`;

function wordSet(list: string, fold: (w: string) => string = (w) => w): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(fold));
}

const foldRu = (w: string) => w.replace(/ё/g, "е").replace(/ъ/g, "ь");
const foldTr = (w: string) =>
  w
    .replace(/ı/g, "i")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC");

export const STOPWORDS = {
  en: wordSet(EN),
  ru: wordSet(`${RU}\n${RU_MODAL}\n${RU_FILLER}`, foldRu),
  tr: wordSet(`${TR}\n${TR_FILLER}\n${TR_MODAL}`, foldTr),
  ky: wordSet(`${KY}\n${KY_MODAL}`),
} as const;

// Common verbs and nouns that carry little of a question's topic ("what happened", "is expected",
// "what does it mean"): they count, but at a fraction of their weight, since the small content makes
// them look rarer than they are.
const LIGHT = {
  en: `happen happened happening expect expected mean means meant think thought make made take
took get come came go went see look seem use used show shows showed work want need needs way why thing
start started begin began end ended become became keep kept put set call called name named help try
role part play plays played follow follows followed pursue pursues adopt adopted kind type sort really
going guy
hear hearing heard soon lately recently everybody everyone ask asked asking
insist insists claim claims argue argues argument arguments suggest suggests believe believes consider considers treat treats
stress stresses emphasise emphasize note notes point points lean leaning particular alone
activity activities involved involvement
cost costs rate best told found host half ahead love tank lost live prof sent mate meat mountains gold
extend water home presenting learn ride room track trek hard season sister slides sell tone bear save odd grand loan
long week far professor air died pass civil tea advisor new three
dead tent company companies drove fried polling intern interning match crash reader brain share error units unit trap strip extension arguing`,
  ru: "служит служат брал брала идти сверить родом пошли экономист приняли принимает принимают принял приняла происходит произошло случилось ожидается значит думает сделал делает стал становится называют роль оценивает считает утверждает подчеркивает настаивает занимается занимаются делают деятельность хотя дорогие дорогой дорогая зенит дети детей детям поднимали переводит признать ждать здорово",
  tr: "almışlar almış aldılar aldı olan oldu olur oluyor yapıldı yaptı yapmak etmek ediyor gibi izliyor izlemek izledi sürdürüyor iddia yapıyor yapıyo faaliyet faaliyetleri yapmış yapmıştır yapmışlar yıllar yılları yıllarda yıllardır yeri çekti yaşında sözünü görünce seviyorum yarayacak istemiyor sınıflara kurumda kira altın bilen düşünce düşüncem düşüncesi beri maç maçı maçta maçını yine benim adam yana adamım büyük buyuk büyk toplam insan insanlar insanlarla insanıyım yarın yarin sayfa sayfada sayfasında karar kalan ayrıntı ayrinti ayrıntılı ayrıntıları yapıcam yapicam yaptım yaptim tartışıyor tartisiyor tartışıyoruz sinirlendim işime isime görüşürüz bulursam günaydın gunaydin bakın bakin takım takim şaka notu görmeyi sorayım sorayim sordu soruyor soruyorum sorular sorulara sorum mesela meselâ",
  ky: "берет берди берген кылат кылды жасайт жасады алат алды жасап кылып алган алып берип болуп калды кетип кетти жабылды иштеп салынат талашып келип жазам айда атам бала балам балдар балдарым кызым ата апа апам заман катуу араң тилейм тилеймин башым чын чынбы чындап чынында чынын бирок бираак биринчи бири бирдей жаңы жаны жаан көрүп коруп жогорку кош колдойм колго көл көлгө көлдө көлдөгү",
} as const;

/**
 * Everyday words whose stems are those of the article's ideas in another sense ("хотя", although, and
 * "хотеть", to want; "цены", prices, and "ценить", to value; "дорогие", dear, and "дороги", roads;
 * "частые", frequent, and "часть", part; Turkish "başka", other, and "başkan", head): read as typed,
 * never by their stems. Folded.
 */
export const STEM_COLLISIONS: ReadonlySet<string> = wordSet(
  `хотя цены цена ценами ценах дорогие дорогой дорогая дорогих дорогим частые частых частая частый ноль
  personally baska baskasi baskalari new`,
  foldRu,
);

/** Topic-poor words per language (folded), to stem in their own language only. */
export const LIGHT_WORDS: Readonly<Record<keyof typeof LIGHT, ReadonlySet<string>>> = {
  en: wordSet(LIGHT.en),
  ru: wordSet(LIGHT.ru, foldRu),
  tr: wordSet(LIGHT.tr, foldTr),
  ky: wordSet(LIGHT.ky),
};

// Endings of inflected verbs. A question's unknown word with such an ending is most likely its predicate
// ("vardığı", "приводятся", "wondering"), which says less about the topic than an unknown noun does.
const VERB_ENDINGS = {
  en: /(?:ing|ed)$/,
  ru: /(?:ся|сь|ет|ют|ит|ят|ешь|ишь|ал|ял|ил|ел|ла|ло|ли|ать|ять|ить|еть|уть)$/,
  tr: /(?:yor|yordu|di|du|ti|tu|mis|mus|acak|ecek|digi|dugu|tigi|tugu|masi|mesi|abilir|ebilir|mali|meli|iyor|uyor)$/,
  // Kyrgyz (Cyrillic, or Latin letters read as Cyrillic): converbs (окуп, барып), participles (келген), the
  // past with a person (кеттим) or heard of (окуптур), the plural present (айтышат), first and second
  // persons. Not a bare -ты or -ат: nouns end so too (саясаты, мамлекет).
  ky: /(?:[ыиуүаеоө]п|[гк][аеоө]н|[дт][ыиуү][мңк]|п[тд][ыиуү]р|[ыиуү]ш[аеоө]т|йт|[мс][ыиуү]н|[ыиуү]ңыз|[ыиуү]ңиз)$/,
} as const;

/** An unknown word (folded) that looks like an inflected verb in the question's language. */
export function looksLikeVerb(key: string, lang: "en" | "ru" | "tr" | "ky"): boolean {
  if (key.length < 5) return false;
  if (lang === "ky")
    return VERB_ENDINGS.ky.test(key) || VERB_ENDINGS.tr.test(key) || VERB_ENDINGS.ru.test(key);
  return VERB_ENDINGS[lang].test(key);
}

/**
 * Adverbs of emphasis that may stand anywhere without changing a phrase ("what does the author actually
 * mean"): removed before names and phrases are looked up, so they do not split them.
 */
export const TRANSPARENT: ReadonlySet<string> = wordSet(
  `actually really basically exactly just even ever simply truly indeed literally honestly
  вообще именно просто действительно собственно вот aslinda gercekten voobshe voobshche voobsche`,
);

/**
 * Turkish and Kyrgyz locative and ablative endings ("dipnotta", "istişarelerde", "шилтемеде", "уюмдардан"):
 * a word that says where or from where. Folded words (Turkish ç ş ı as c s i).
 */
export const TURKIC_PLACE_CASE = /(?:d|t)(?:a|e)n?$|(?:д|т)(?:а|е|о|ө)н?$/u;

/** Stop words for a token, whatever the question's language: mixed questions are common. */
export function isStopword(key: string): boolean {
  return isListedStopword(key) || (REPEATED.test(key) && isListedStopword(key.replace(RUNS, "$1")));
}

function isListedStopword(key: string): boolean {
  return (
    STOPWORDS.en.has(key) ||
    STOPWORDS.ru.has(key) ||
    STOPWORDS.tr.has(key) ||
    STOPWORDS.ky.has(key) ||
    INDEFINITE.test(key)
  );
}

// A word typed long for effect ("sooo", "yaaa", "pleaseee", "ну ладнооо") is the word typed once.
const REPEATED = /(\p{L})\1/u;
const RUNS = /(\p{L})\1+/gu;

/**
 * Typing for effect that no content word looks like: a letter held down ("hmmmm", "ааааа", "ohhh") or
 * laughter ("hahaha", "ахахах", "jajaja"). Not a word, so never a claim the content lacks.
 */
export function isExpressive(key: string): boolean {
  return /(\p{L})\1\1/u.test(key) || LAUGHTER.test(key);
}

const LAUGHTER =
  /^(?:a?(?:ha){2,}h?|(?:he){2,}h?|(?:ja){2,}j?|(?:ah){2,}a?|а?(?:ха){2,}х?|(?:хе){2,}х?|(?:ах){2,}а?)$/;

// Turkish and Kyrgyz stop words take suffixes too ("anlatıyor", "hakkındaki"): compare their first five
// letters, as the stemmer does.
const TURKIC_PREFIX = 5;
// Kyrgyz ones are compared folded too: "жонундо" typed without ө ү is "жөнүндө".
const TURKIC_STOP_PREFIXES: ReadonlySet<string> = new Set(
  [...STOPWORDS.tr, ...[...STOPWORDS.ky].map(foldKyrgyz)]
    .filter((w) => w.length >= TURKIC_PREFIX)
    .map((w) => w.slice(0, TURKIC_PREFIX)),
);
const KY_FOLDED: ReadonlySet<string> = new Set([...STOPWORDS.ky].map(foldKyrgyz));

// Russian indefinite pronouns ("кого-то", "что-нибудь", "где-либо", one token: see normalize.ts) say
// "someone", "something": they ask nothing.
const INDEFINITE = /-(?:то|нибудь|либо|to|nibud|libo)$/;

/** A stop word in a Turkish or Kyrgyz question, suffixes allowed. */
export function isTurkicStopword(key: string): boolean {
  if (isStopword(key)) return true;
  const cyrillic = /[а-яёөүң]/.test(key);
  const folded = cyrillic ? foldKyrgyz(key) : key;
  return (
    KY_FOLDED.has(folded) ||
    (cyrillic && isKyrgyzAuxiliary(key)) ||
    (folded.length >= TURKIC_PREFIX && TURKIC_STOP_PREFIXES.has(folded.slice(0, TURKIC_PREFIX)))
  );
}

/** Words people mistype often enough to recognise one edit away ("wat", "whta", "hwo"). */
const QUESTION_WORDS_BY_LANG: Readonly<Record<"en" | "ru" | "tr", string>> = {
  en: "what who whom whose when where which why how does did the this that with about from there their have they were was are will",
  ru: "что кто когда где почему какой какие как зачем",
  tr: "nedir neden nasıl hangi nerede kimdir",
};

/** Every language's question words (folded), each with its language. */
const QUESTION_WORD_LANG: ReadonlyMap<string, "en" | "ru" | "tr"> = new Map(
  Object.entries(QUESTION_WORDS_BY_LANG).flatMap(([lang, words]) =>
    words.split(/\s+/).map((w) => [foldTr(w), lang as "en" | "ru" | "tr"] as const),
  ),
);

export const QUESTION_WORDS: readonly string[] = [...QUESTION_WORD_LANG.keys()];

/** The language of a question word: a Turkish "hava" one letter from English "have" is not a typo of it. */
export function questionWordLang(word: string): "en" | "ru" | "tr" | undefined {
  return QUESTION_WORD_LANG.get(word);
}

/**
 * Words that make a sentence a question in the four languages (and Russian in Latin letters), folded: a
 * message's sentences with none of them and no question mark are its preamble ("I'm from Osh and…").
 */
const ASKING_WORDS: ReadonlySet<string> = new Set(
  `what whats wat wut whos hows whys wheres who whom whose when where which why how tell explain describe
что че чо шо кто когда где почему какой какая какое какие каких каким как зачем сколько ли чем кем кого кому чего расскажи расскажите скажи скажите объясни объясните
ne neler nedir neden niye nasil hangi nerede nereye kim kime kimin kimle kac mi mu midir misin anlat anlatir soyler
эмне эмнени эмнеге эмнелер ким кимге кимди кимдин качан кайда кандай канча кайсы кантип бекен барбы
chto kto kogda gde pochemu kak kakie kakoy kakaya skolko zachem`.split(/\s+/),
);

export function isAskingWord(key: string): boolean {
  return ASKING_WORDS.has(key);
}

/** English auxiliaries that ask when they open a sentence ("Does the author claim…", "is there…"). */
const OPENING_AUXILIARIES: ReadonlySet<string> = new Set(
  "do does did is are was were can could would will should has have".split(" "),
);

export function isOpeningAuxiliary(key: string): boolean {
  return OPENING_AUXILIARIES.has(key);
}

/**
 * Verbs of telling, as the starts of words: with the article or its author as subject ("what does the
 * piece say about…", "что статья говорит о…", "makale … ne diyor", "автор … эмне дейт") they frame a
 * question about something else.
 */
const FRAME_VERB_STARTS: readonly string[] =
  `say said write wrote writt mention describ tell talk think claim argu bring
  говор сказ пиш писа написа упомина описыва счита утвержда расска
  diyor demiş demek yazıyor yazmış bahsed söylü soyl anlatı anlati düşün dusun iddia buluyor savunuyor
  дейт жазат жазган жазылган айтат айтылат баян`
    .split(/\s+/)
    .filter(Boolean);

/** Verbs of holding a view, as whole words ("does the author agree?"): "agree" starts "agreement". */
const FRAME_VERB_WORDS: ReadonlySet<string> = new Set(
  "agree agrees approve approves approved endorse endorses согласен согласна согласны одобряет одобряют поддерживает katılıyor katılır katılıyormu onaylıyor onaylar destekliyor макул макулбу колдойт".split(
    " ",
  ),
);

/** Words that make the name beside them what is spoken about: before it (about, о, про), after it (hakkında, жөнүндө). */
export const ABOUT_BEFORE: ReadonlySet<string> = new Set(
  "about on of regarding о об обо про насчет нащет".split(" ").map(foldKey),
);
export const ABOUT_AFTER: ReadonlySet<string> = new Set(
  "hakkında hakkındaki ilgili konusunda жөнүндө тууралуу боюнча".split(" ").map(foldKey),
);

/**
 * Nouns for what an article or its author holds ("the author's point", "тезис автора", "yazarın görüşü"):
 * with nothing else asked of it, the question asks for the article's argument as a whole. Starts of words.
 */
const VIEW_NOUN_STARTS: readonly string[] = `argument point thesis position stance opinion view message
  тезис позици мнени точк
  tez fikr düşünce dusunce
  пикир позициясы`
  .split(/\s+/)
  .filter(Boolean);

/** Whole words: "görüşme" (a meeting) starts like "görüş" (a view). */
const VIEW_NOUN_WORDS: ReadonlySet<string> = new Set(
  "görüş görüşü görüşünü görüşleri gorus gorusu gorusunu gorusleri".split(" "),
);

export function isViewNoun(lowerWord: string): boolean {
  return VIEW_NOUN_WORDS.has(lowerWord) || VIEW_NOUN_STARTS.some((start) => lowerWord.startsWith(start));
}

export function isFrameVerb(lowerWord: string): boolean {
  return FRAME_VERB_WORDS.has(lowerWord) || FRAME_VERB_STARTS.some((start) => lowerWord.startsWith(start));
}

/** Words addressing the one asked ("you", "ты", "sen", "сен"), folded: a question so worded is put to the bot. */
export const SECOND_PERSON: ReadonlySet<string> = new Set(
  `you your yours yourself u ur ты тебя тебе тобой твой твоя твое твои вы вас вам вами ваш ваша ваше ваши
  sen seni sana senin sende senden siz sizi size sizin sizde сен сени сага сенин сенде силер сиз сизди сизге
  сиздин ty tebya tebe tvoi vy vas vam vash`
    .split(/\s+/)
    .filter(Boolean)
    .map(foldKey),
);
