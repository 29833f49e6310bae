"""What the words of a name are: generic head words, translated words, and places.

The resolver's word stage (:mod:`aliasctl.matching.alignment`) compares names
word by word. To do so it must know three things about a word, and this module
holds them as plain vocabularies:

* **Head words** name the kind of body, not the body: "Liwa", "Kata'ib",
  "Harakat", "Jaysh", "Tehrik-e", "Brigades", "Movement", "Front". A head word
  written on one side only may be dropped ("Suqour al-Sham" and "Suqour
  al-Sham Brigade"); two different head words make two groups ("Jaysh" is not
  "Jabhat").
* **Translated words** are one concept in several languages: "Jaysh", "Army",
  "Armée" and "Lashkar" are one word to the resolver, so are "Ansar",
  "Supporters" and "Partisans", or "al-Sham" and "the Levant". This is what lets
  "Army of the Men of the Naqshbandi Order" meet "Jaysh Rijal al-Tariqa al-Naqshbandia"
  word for word, and "Harakat Amal" meet "Amal Movement".
* **Places** (countries, their demonyms and their Arabic forms) qualify a name:
  "Hezbollah (Lebanon)", "Lebanese Hezbollah" and "Hezbollah fi Lubnan" are
  Hezbollah when the entity is in Lebanon, and are not when it is not.

Every word is written here as people write it (any script); it is keyed by the
one normalizer (:func:`aliasctl.normalize.key`), so a spelling variant that
normalizes alike needs no entry of its own. The tables are built on first use.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .. import normalize

#: Head words, by concept. A concept name starts with "@" so it can never equal a spelled word;
#: ``@family:kind`` concepts pair within their family when equal or when either kind is ``*``.
HEADS: dict[str, tuple[str, ...]] = {
    # Arabic names tell a liwa from a katiba and a saraya; other languages translate all of them
    # "brigade(s)" or "battalion(s)", so those match any of them (the "*" of the family).
    "@unit:liwa": ("liwa", "liwaa", "lewa", "alwiya", "alwiyat", "alwiyah", "لواء", "ألوية"),
    "@unit:kataib": (
        "katiba", "katibat", "katibah", "kataib", "kata'ib", "katayib", "kataeb", "kateb", "ketaeb",
        "كتيبة", "كتائب",
    ),
    "@unit:saraya": ("saraya", "sarayat", "sariya", "sariyya", "sarayah", "سرايا", "سرية"),
    "@unit:fawj": ("fawj", "afwaj", "faoj", "فوج", "أفواج"),
    "@unit:*": ("satuan", "bataillone", "batalhões", "unités", "unità", "חטיבות", "بریگیڈ", "column", "columns", "columna", "columnas", "coluna", "colunas", "colonne", "colonnes", "colonna", "batalhão", "bataljon", "bataljonen", "zászlóalj", "חטיבת", "חטיבה", "גדוד", "बटालियन", "ব্যাটালিয়ন", "brigedi", "brigăzile", "brigazile", "brigadele", "бригади", "батальона", "батальйон", "brigata", "ταξιαρχίες", "ταξιαρχία", "ταξιαρχιών", "τάγμα", "τάγματα",  "jednostki", "jednostka", "oddziały", "oddział", "ब्रिगेड", "ব্রিগেড",
        "brigade", "brigades", "battalion", "battalions", "regiment", "regiments", "company",
        "companies", "detachment", "detachments", "squadron", "squadrons", "brigada", "brigadas",
        "bataillon", "bataillons", "batallon", "batallones", "tabur", "taburu", "units", "unit",
        "yekineyen",
        "bde", "bdes", "regt", "brigaden",
        "batalon", "batalona", "polk",
        # Turkish, Spanish, Polish, German and Persian press forms
        "batalyon", "tugay", "tugayi", "تیپ", "tugaylari", "birlik", "birlikleri", "unidades", "unidade", "unidad", "unité", "brygada",
        "brygady", "einheit", "einheiten", "گردان", "battaglione", "battaglioni", "батальон", "батальйон", "батальона",
        "батальйону", "отряд", "отряды", "загін", "katibasi", "brigate", "бригада", "бригады", "бригад", "compagnies",
        "détachements", "destacamentos",
    ),
    "@army": ("leger", "войско", "військо", "இராணுவம்", "ராணுவம்", "సైన్యం", "సైన్య", "hær", "hæren", "hären", "hadsereg", "tentera", "армията", "jeshi", "jeshin", "ciidanka", "sojojin", "צבא", "ফৌজ", "armię", "армию", "армію", "στρατός", "στρατού", "στρατό", "armia", "армии", "армії", "tentara", "armata", "armatei", "ushtria", "ushtri", "ushtrisë", "आर्मी", "আর্মি", "सेना", "সেনা", "সেনাবাহিনী",
        "jaysh", "jaish", "jeish", "jaych", "jaich", "jeysh", "jish", "army", "armee", "armée",
        "ejercito", "ejército", "exercito", "ordu", "ordusu", "lashkar", "lashkare", "lashkr",
        "laskar", "arteshe", "artesh", "جيش", "لشکر", "ارتش", "esercito", "армия", "армія",
        "ሠራዊት", "ሰራዊት", "waraana",  # Amharic, Oromo
        "armiia", "armii",
    ),
    "@movement": ("jombesh", "موومنٹ", "இயக்கம்", "ఉద్యమం", "vuguvugu", "እንቅስቃሴ", "ምንቅስቓስ", "ንቕናቕ", "bevegelse", "bevegelsen", "bevægelse", "bevægelsen", "hnutí", "mozgalom", "mozgalma", "kilusan", "תנועת", "תנועה", "harakati", "dhaqdhaqaaqa", "руху", "κίνημα", "κινήματος", "gerakan", "beweging", "lëvizja", "levizja", "mișcarea", "miscarea", "rörelse", "rörelsen", "движения", "движение", "ruch", "ruchu","मूवमेंट", "মুভমেন্ট", "आंदोलन", "आन्दोलन", "আন্দোলন",
        "harakat", "haraka", "harakah", "harakatu", "harkat", "hareket", "hareketi", "tehrik",
        "tehreek", "tahrik", "tahreek", "tehreeke", "movement", "movements", "mouvement",
        "movimiento", "movimento", "jonbesh", "junbish", "junbesh", "jonbeshe", "bizutnewe", "dvizhenie",
        "dvizheniye", "hareketi", "xarakada", "ንቅናቄ",
        "bizava", "tevgera", "tevger", "حركة", "تحریک", "جنبش", "mouvements", "movimientos", "movimentos",
        "mvt", "mvmt", "movt", "bewegung",
    ),
    "@front": ("فرنٹ", "முன்னணி", "cephesinin", "fronten", "barisan", "חזית", "фронту", "μέτωπο", "μετώπου", "frontu", "фронт", "фронта", "frontul", "fronti", "फ्रंट", "ফ্রন্ট", "मोर्चा",
        "jabhat", "jabha", "jabhah", "jabhet", "jebhe", "jebha", "front", "fronts", "frente",
        "fronte", "cephe", "cephesi", "cebhe", "cebhesi", "ግንባር", "eniya", "mahaz", "mahaaz", "mahaz-e", "جبهة", "جبهه", "محاذ",
    ),
    "@organization": ("ועדות", "ועדת", "آرگنائزیشن", "அமைப்பு", "సంస్థ", "ድርጅት", "organisasjon", "organisasjonen", "organizace", "szervezet", "szervezete", "samahan", "ארגון", "shirika", "comitato", "komitee", "kommittén", "komitet", "komitetu", "výbor", "comitetul", "bizottság", "komite", "комитет", "комітет", "επιτροπή", "کمیته", "समिति", "কমিটি", "kamati", "організація", "організації", "οργάνωση", "οργάνωσης", "οργανώσεις", "organizzazione", "organização", "organizacja", "organizacji", "организация", "организации", "organisatie", "organizația", "organizatia", "organizata", "ऑर्गनाइजेशन", "অর্গানাইজেশন", "संगठन", "সংগঠন",
        "hajat", "heyeti", "heyetu", "هیئت", "tanzim", "tanzeem", "tanzime", "munazzama", "munazzamat", "munazzamah", "munadhama",
        "munathama", "organization", "organisation", "organizacion", "organización", "sazman",
        "sazmane", "sazeman", "orgut", "orgutu", "rexistin", "rekxistin", "hayat", "hay'at",
        "hayaa", "haia", "hayah", "haiat", "hayet", "heyat", "committee", "committees", "lijan",
        "lajna", "lajnat", "comite", "comites", "commission", "تنظيم", "منظمة", "هيئة", "لجان",
        "لجنة", "سازمان",
        "org", "orgn", "pertubuhan", "organisasi",
    ),
    "@group": ("outfit", "outfits", "gruppi", "گروپ", "குழு", "బృందం", "समूह", "গোষ্ঠী", "skupina", "skupiny", "csoport", "csoportja", "kikundi", "kooxda", "קבוצת", "ομάδα", "ομάδας", "ομάδες", "gruppo", "grupa", "grupy", "группа", "группы", "groep", "grubu", "grupul", "gruparea", "ग्रुप", "গ্রুপ",
        "jamaat", "jamaa", "jama'a", "jama'at", "jamaah", "jamat", "jemaah", "jemaa", "djamaat", "gamaa",
        "gama'a", "gama'at", "gamaat", "gamaah",
        "dzhamaat", "group", "groups", "groupe", "groupes", "grupo", "grupos", "grup", "grupu", "gruppa", "kumpulan",
        "gang", "gangs", "majmua", "majmuat",
        "مجموعة",
        "جماعة", "جماعت", "گروه",
        "grp", "gruppe", "gruppen", "grupong", "kelompok", "kungiyar", "kungiyan", "گروهک",
        # a gang, as Spanish, Portuguese and Italian write an armed band ("banda terrorista ETA")
        "banda", "bandas",
    ),
    "@forces": ("فورس", "படை", "படைகள்", "ኃይሎች", "xoogaga", "xoogga", "войска", "войск", "styrkor", "styrkorna", "styrker", "styrkene", "forțele", "forţele", "erők", "pwersa", "כוחות", "vikosi", "ciidamada", "сил", "forza", "truppe", "truppen", "δυνάμεις", "δυνάμεων", "siły", "pasukan", "strijdkrachten",  "angkatan","फोर्स", "फ़ोर्स", "ফোর্স", "फोर्सेज़", "বাহিনী",
        "quwat", "quwwat", "quwa", "kuwat", "qowat", "qowwat", "forces", "force", "fuerzas",
        "forcas", "hezen", "hezên", "hez", "hêz", "niru", "niruye", "niroye", "قوات", "قوة", "قوى",
        "نیروی", "نیرو",
        "krafte", "forze", "forças", "силы", "сили", "ኃይል", "ሃይል", "guc", "gucler", "gucleri", "kuvvet", "kuvvetleri",
    ),
    "@council": ("consiliul", "tanács", "konsey", "konseho", "συμβούλιο", "شورای", "מועצת", "מועצה", "परिषद", "পরিষদ", "baraza", "majalisa", "consiglio", "совет", "dewan", "काउंसिल", "কাউন্সিল",
        "majlis", "majles", "majlisu", "council", "councils", "conseil", "consejo", "conselho",
        "kengash", "مجلس", "meclis", "meclisi",
    ),
    "@union": ("спілка", "savez", "saveza", "ህብረት", "ሕብረት", "midowgii", "ένωση", "ένωσης", "yekîtî", "yekîtiya", "یەکێتی", "yekêtî", "unione", "união", "uniao", "unia", "unie", "uniunea", "союз", "ittihad", "itihad", "ittehad", "union", "unión", "يتحاد", "اتحاد",
               # the Persian union ("اتحادیه میهنی کردستان", the PUK)
               "اتحادیه",
        # Turkish "birliği" ("Kürdistan Yurtseverler Birliği", the PUK); "birlik" alone is a unit
        "birliği"),
    "@alliance": ("bondgenootschap", "alianța", "alianţa", "szövetség", "alyansa", "συμμαχία", "ברית", "गठबंधन", "muungano", "isbahaysi", "alleanza", "aliança", "allianz", "bündnis", "sojusz", "альянс", "alliantie", "aliansi", "अलायंस", "অ্যালায়েন্স",
        "itilaf", "i'tilaf", "etelaf", "tahaluf", "tahaluf", "alliance", "coalition", "alianza",
        "coalicion", "coalición", "ittifaq", "ائتلاف", "تحالف", "ائتلاف",
    ),
    "@network": ("நெட்வொர்க்", "rete", "reti", "сеть", "сети", "мережа", "мережі", "netzwerk", "sieć", "rețeaua", "rețea", "jaringan", "δίκτυο", "shabaka", "shabakat", "network", "reseau", "réseau", "شبكة"),
    "@corps": ("corp", "corpul", "legião", "legione", "legioni", "legioen", "legionen", "legiunea", "légió", "lejyon", "legiun", "legiyonu", "λεγεώνα", "لژیون", "לגיון", "cuerpo",
        "korpus", "korps", "корпус", "corpo", "faylaq", "failaq", "faylak", "sepah", "sipah", "sepahe", "sipahe", "corps", "legion", "legions",
        "légion", "légions", "فيلق", "سپاه",
    ),
    "@division": ("firqa", "firqat", "firqah", "division", "divisions", "فرقة", "div", "divisão", "divisao", "división",
        "divisione", "divisioni", "dywizja", "dywizji", "дивизия", "дивизии", "дивізія", "дивізії", "tümen", "tümeni",
        "μεραρχία"),
    # and a branch, as the press calls a province of the Islamic State ("داعش خراسان څانګه", "شاخه
    # خراسان داعش", the Khorasan Province)
    "@province": ("branch", "فرع", "شاخه", "شاخۀ", "شاخہ", "څانګه", "শাখা", "शाखा", "вилаят", "вилайят", "вилайет", "wilaya", "wilayat", "wilayah", "vilayat", "province", "ولاية", "provincia", "província", "provinz", "vilayeti"),
    "@cartel": ("cartel", "cartels", "kartell", "kartelle", "cártel", "cárteles", "carteles", "cartéis"),
    # What outsiders call an armed body ("Mahdi Militia" for the Mahdi Army, "Fano militia").
    # and a faction, what the press calls one of many armed bodies ("Sultan Murad faction", "فصيل
    # الحمزة", the Hamza Division)
    "@militia": ("faction", "factions", "fasil", "fasail", "faccao", "facção", "فصيل", "فصائل", "milisleri", "milisler", "maleeshiyaadka", "maleeshiyaad", "maleeshiyo", "militia", "militias", "مليشيا", "ميليشيا", "ميليشيات", "مليشيات", "ополчение", "ополчения", "milicia", "milicias", "milice", "milices", "milizia", "milis", "miliz", "milizen", "милиция", "милиции", "міліція", "міліції"),
    # A private military company ("PMC Wagner", ЧВК «Вагнер»), which the Arabic press calls a
    # company ("شركة فاغنر").
    "@pmc": ("pmc", "chvk", "чвк", "пвк", "pvk", "شركة", "الشركة"),
    "@operation": ("operation", "operations", "opération", "operación", "operacion", "amaliyat", "عملية"),
}

#: Words that are one concept across languages but are never dropped.
TRANSLATIONS: dict[str, tuple[str, ...]] = {
    # "Mai-Mai" (Mayi-Mayi), the word Congo's community militias put before their own names
    # ("Mai-Mai Yakutumba"), read as one word (``alignment.analyse``); a name may leave it out.
    "@maimai": ("maimai",),
    "@party": ("கட்சி", "strana", "strany", "pártja", "מפלגת", "מפלגה", "xisbiga", "партія", "партії", "partia", "partią", "κόμμα", "κόμματος", "partito", "partij", "partidul", "partiet", "partiya", "партия", "партии", "पार्टी", "পার্টি", "hizb", "hezb", "hizbe", "hezbe", "party", "parti", "partido", "partisi", "partiyisi", "حزب", "partei", "pty", "partiia", "partii", "partai"),
    "@supporters": ("seguidores", "seguaci", "partidarios", "partidários", "sostenitori", "anhänger", "aanhangers", "anhängare", "zwolennicy", "stoupenci", "susținători", "taraftarları", "pendukung", "сторонники", "прихильники", "υποστηρικτές", "תומכי", "समर्थक", "সমর্থক", "wafuasi",
        "ansar", "ansaar", "ansarul", "supporters", "partisans", "helpers", "followers", "apoiantes", "أنصار",
        "انصار",
    ),
    "@soldiers": ("soldados", "soldati", "soldaten", "soldater", "żołnierze", "vojáci", "soldații", "солдаты", "солдати", "στρατιώτες", "سربازان", "חיילי", "सैनिक", "সৈনিক", "askarta", "sojoji", "jund", "junud", "jnud", "soldiers", "soldats", "جند", "جنود"),
    "@state": ("دولت", "מדינת", "राज्य", "রাষ্ট্র", "dawlad", "dawladda", "государство", "государства", "державу", "κράτος", "κράτους", "держава", "держави", "derzhava", "derzhavy", "stato", "państwo", "państwa", "devleti", "negara", "dawla", "dawlah", "dawlat", "daula", "daulah", "dowla", "state", "etat", "état", "estado", "devlet", "دولة", "staat", "gosudarstvo", "gosudarstva"),
    "@islamic": ("اسلامک", "ఇస్లామిక్", "እስላማዊ", "islamiska", "islamiske", "iszlám", "iszlámista", "kiislamu", "islaamiga", "islaamka", "исламское", "исламского", "исламской", "исламская", "исламский", "исламские", "исламских", "ісламська", "ісламської", "ісламський", "islâmicos", "islamicos", "islamiques", "islámicos", "ισλαμικό", "ισλαμική", "ισλαμικός", "ισλαμικού", "ισλαμικής", "ισλαμικές", "islamica", "islamici", "islamiche", "islâmico", "islâmica", "islamitische", "islamitisch",  "islamski", "islamska", "islamskie", "islamskiego",
        "islamic", "islami", "islamiya", "islamiyya", "islamiyah", "islamia", "islamiyyah", "eslami",
        "islamique", "islamico", "islámico", "islamista", "islamist", "islamists", "islamskoe", "islamskoye",
        "islamskaya", "islamskii", "islamiy", "islomiy", "الإسلامية",
        "الإسلامي", "اسلامی",
        "islamischer", "islamische", "islamischen",
        "ісламський", "ісламська", "ісламське", "ісламської", "ісламського", "исламский", "исламская",
        "исламского", "исламской",
    ),
    "@islam": ("islam", "islaam", "الإسلام", "اسلام"),
    "@levant": ("levante", "sham", "shaam", "levant", "الشام"),
    "@jerusalem": ("gerusalemme", "jerusalém", "jerozolima", "иерусалим", "єрусалим", "kudüs", "quds", "qods", "kuds", "jerusalem", "jerusalén", "القدس"),
    "@resistance": ("motstand", "motstands", "motstånd", "motstandsbevegelse", "rezistența", "rezistenţa", "ellenállás", "ellenállási", "paglaban", "опору", "опір", "התנגדות", "प्रतिरोध", "প্রতিরোধ", "upinzani", "widerstands", "αντίσταση", "αντίστασης", "resistência", "сопротивления", "сопротивление", "verzet", "perlawanan", "रेजिस्टेंस", "রেজিস্ট্যান্স",
        "muqawama", "muqawamah", "mukawama", "moqavemat", "moqawama", "resistance", "résistance",
        "resistencia", "المقاومة", "مقاومت", "direniş", "widerstand", "resistenza",
    ),
    "@liberation": ("لبریشن", "விடுதலை", "விடுதலைப்", "విమోచన", "విముక్తి", "befrielse", "befrielses", "frigjøring", "osvobození", "osvobozenecká", "felszabadítás", "felszabadító", "pagpapalaya", "שחרור", "ukombozi", "xoraynta", "освободительная", "освободительной", "визвольна", "визвольної", "απελευθερωτικός", "απελευθερωτικό", "απελευθερωτική", "απελευθερωτικού", "απελευθερωτικής", "απελευθέρωσης", "απελευθέρωση", "wyzwolenia", "wyzwolenie", "освобождения", "освобождение", "визволення", "bevrijding", "kurtuluş", "kurtuluşu", "eliberare", "eliberarea", "çlirimtare", "çlirimtar", "oslobodilačka", "ослободителна", "लिबरेशन", "লিবারেশন", "मुक्ति", "মুক্তি",
        "tahrir", "tahreer", "tahrire", "liberation", "libération", "liberacion", "liberación", "liberazione", "pembebasan", "libertação",
        "ነጻነት", "ነፃነት", "ሓርነት", "bilisummaa",
        "rizgari", "rizgariya", "التحرير", "تحرير",
        "lib", "befreiung",
    ),
    "@national": ("национально", "національно", "национальное", "نیشنل", "தேசிய", "జాతీయ", "nasjonal", "nasjonale", "nationella", "nationelle", "nemzeti", "pambansa", "לאומי", "לאומית", "kitaifa", "национальной", "національної", "національного", "εθνικό", "εθνική", "εθνικός", "εθνικού", "εθνικής", "narodowy", "narodowa", "narodowe", "narodowego", "национальная", "национального", "національна", "nationaal", "ulusal", "național", "naționala", "națională", "नेशनल", "ন্যাশনাল", "राष्ट्रीय", "জাতীয়", "watani", "wataniya", "wataniyya", "wataniyah", "melli", "milli", "national", "nationale", "nacional", "الوطنية", "الوطني", "natl", "nazionale", "nasional", "национальный", "національний", "ብሔራዊ", "ملی"),
    "@popular": ("ludowa", "ludowe", "ludowy", "ሕዝባዊ", "ህዝባዊ", "populară", "populare", "λαϊκό", "λαϊκή", "λαϊκός", "λαϊκού", "λαϊκής", "λαϊκοί", "λαϊκές", "shabi", "shaabi", "shabiya", "shaabiya", "shabiyya", "popular", "populaire", "populaires", "populares", "popolare", "popolari", "الشعبية", "الشعبي"),
    "@people": ("ludzi", "poble", "پیپلز", "மக்கள்", "ప్రజా", "ህዝቢ", "ሕዝቢ", "folkets", "народа", "народу", "مردم", "watu", "dadka", "volkes", "povo", "popolo", "rakyat", "पीपुल्स", "পিপলস", "পিপলস", "shaab", "sha'ab", "ahl", "people", "people's", "peoples", "peuple", "pueblo", "gel", "الشعب", "halk", "halkin", "volk", "volks", "народ", "народная", "народной", "народные", "народный", "народного", "народна", "народні"),
    "@revolution": ("revolução", "devrim", "revolusi", "революции", "революция", "thawra", "thawrat", "thawrah", "enqelab", "enghelab", "inqilab", "revolution", "révolution", "revolucion", "rivoluzione", "rewolucji", "الثورة", "انقلاب"),
    "@revolutionary": ("روولیوشنری", "ریولوشنری", "ریوولیوشنری", "புரட்சிகர", "విప్లవ", "revolutionair", "revolutionära", "revolutionære", "revoluční", "revolučná", "forradalmi", "rebolusyonaryo", "انقلابی", "מהפכני", "מהפכנית", "বিপ্লবী", "kimapinduzi", "революционной", "революционного", "революційної", "revolusjonær", "revolusjonære", "revolutionär", "επαναστατική", "επαναστατικός", "επαναστατικό", "επαναστατικής", "επαναστατικού", "επαναστατικές", "επαναστατικοί", "rewolucyjne", "rewolucyjnych", "революционные", "революційний", "революційна", "revolucionário", "revolucionária", "rewolucyjny", "rewolucyjna", "революционный", "революционная", "revolutionaire", "devrimci", "revolusioner", "revoluționar", "रिवोल्यूशनरी", "রেভোলিউশনারি", "क्रांतिकारी", "thawri", "thawriya", "revolutionary", "révolutionnaire", "revolutionäre", "revolutionären", "rivoluzionario", "rivoluzionaria", "revolucionario", "revolucionaria", "revolucionarios", "revolucionarias", "الثوري", "الثورية"),
    "@revolutionaries": ("thuwar", "thowar", "thuwwar", "revolutionaries", "révolutionnaires", "ثوار"),
    "@martyrs": ("mártir", "martir", "martire", "märtyrer", "martelaren", "martyrer", "męczenników", "mučedníků", "mártírok", "şehitler", "syuhada", "мучеников", "мучеників", "μαρτύρων", "mashahidi", "shuhada", "shohada", "shuhadaa", "martyrs", "martyr", "mártires", "martiri", "الشهداء", "شهداء", "شهدا"),
    "@martyr": ("shahid", "shaheed", "shahed", "الشهيد", "شهيد"),
    "@holywarriors": ("mujahidin", "mujahideen", "mujahedin", "mujahedeen", "mujahidun", "mojahedin", "moudjahidine", "mudschahedin", "mudschaheddin", "modschahedin", "مجاهدين", "المجاهدين", "مجاهدین"),
    "@youth": ("juventude", "gioventù", "jugend", "jeugd", "ungdom", "ungdommen", "młodzież", "mládež", "tineret", "tineretului", "ifjúság", "gençlik", "pemuda", "kabataan", "молодёжь", "молодежь", "молодь", "νεολαία", "جوانان", "נוער", "युवा", "vijana", "dhalinyarada", "matasa", "jovens", "jóvenes", "giovani", "jeunes", "młodzieży", "shabab", "shabaab", "youth", "jeunesse", "juventud", "الشباب"),
    "@god": ("θεού", "allah", "god", "dieu", "الله"),
    "@victory": ("victoire", "sostegno", "поддержки", "поддержка", "wsparcia", "unterstützung", "dukungan", "nasr", "nusra", "nusrat", "victory", "support", "النصرة", "نصرة", "soutien", "apoyo", "apoio"),
    "@rapid": ("quick", "быстрого", "быстрой", "быстрые", "быстрых", "швидкого", "швидкої", "rapid", "rapide", "rapides", "rápido", "rápida", "rapido", "rapida", "السريع"),
    "@lord": ("lord", "lords", "seigneur", "señor", "senhor"),
    "@women": ("kobiety", "kobiece", "kobiet", "feminina", "femenina", "femminile", "femminili", "perempuan", "frauen", "mulher", "mujer", "donne", "زنان", "women", "womens", "woman", "femmes", "femme", "femeninas", "femininas", "mujeres", "mulheres", "kadın", "jin", "النساء", "женские", "женщин"),
    "@blood": ("blood", "sang", "sangre", "sangue", "dima", "الدماء", "بالدماء"),
    "@conquest": ("fath", "fatah", "fateh", "conquest", "conquête", "conquista", "الفتح", "فتح", "fetih"),
    # Kurdish "parastin" is both: YPG and HPG are told apart by their head words.
    "@defense": ("försvar", "obrana", "apărare", "védelmi", "depensa", "άμυνας", "הגנה", "रक्षा", "প্রতিরক্ষা", "ulinzi", "difaac", "protección", "proteção", "protezione", "bescherming", "skydd", "ochrany", "protecție", "védelem", "perlindungan", "proteksyon", "защиты", "захисту", "προστασίας", "حفاظت", "संरक्षण", "সুরক্ষা", "obronne", "obronny", "حماية", "difesa", "defesa", "verdediging", "pertahanan",  "ochrony", "ochrona", "obrony", "obrona",
        "difa", "defa", "defense", "defence", "défense", "defensa", "parastina", "parastin", "himaya",
        "himayat", "protection", "الدفاع", "الحماية", "обороны", "оборони", "savunma", "koruma", "schutz", "verteidigung",
    ),
    "@salvation": ("الخلاص", "خلاص", "khalas", "salvación", "salvação", "salvezza", "rettung", "redding", "frälsning", "ocalenia", "spása", "salvare", "keselamatan", "kaligtasan", "спасения", "порятунку", "σωτηρίας", "ישועה", "wokovu", "heil", "heils", "सैल्वेशन", "স্যালভেশন", "inqadh", "inkaz", "salvation", "salut", "الإنقاذ"),
    "@unity": ("አንድነት", "wahda", "unity", "unité", "الوحدة"),
    "@emirate": ("emirado", "emirato", "emiratu", "emirátus", "эмират", "эмират", "емирство", "emirstvo", "imarah", "imara", "imarat", "emirate", "émirat", "الإمارة", "امارت"),
    "@caliphate": ("khilafa", "khilafah", "caliphate", "califat", "الخلافة"),
    "@sunna": ("sunna", "sunnah", "sunni", "sunnis", "sunnite", "sunnites", "sunita", "sunitas"),
    "@free": ("الحرة", "حرة", "fritt", "frie", "livre", "livres", "merdeka", "frei", "freies", "wolna", "wolny", "wolne", "ahrar", "hurr", "hur", "free", "libre", "libres", "الأحرار", "أحرار", "الحر", "آزاد", "azad", "libera", "libero", "freie", "freien", "freier", "özgür",
              "свободные", "свободный", "свободная", "свободное", "вільні", "вільний", "вільна"),
    "@men": ("uomini", "homens", "hombres", "мужчин", "rijal", "men", "hommes", "رجال"),
    "@order": ("ordine", "ordem", "orden", "ordre", "орден", "ордена", "tariqa", "tariqah", "order", "الطريقة"),
    "@lions": ("usud", "asad", "lions", "أسود"),
    "@falcons": ("ястребы", "suqur", "suqour", "saqr", "falcons", "hawks", "faucons", "صقور"),
    "@eagles": ("nusur", "eagles", "نسور"),
    "@sword": ("sayf", "saif", "sword", "سيف"),
    "@truth": ("sprawiedliwych", "justes", "justos", "giusti", "gerechten", "vertueux", "vertueuses", "virtuous", "haqq", "haq", "truth", "righteous", "الحق"),
    "@faithful": ("crentes", "croyants", "creyentes", "credenti", "credente", "gläubigen", "gläubige", "verenti", "muminin", "mu'minin", "faithful", "believers", "believing", "المؤمنين"),
    "@companions": ("ashab", "sahaba", "companions", "أصحاب"),
    "@vanguard": ("avanguardie", "avanguardia", "vanguardia", "vanguarda", "talai", "tala'i", "taliat", "vanguard", "vanguards", "avant-garde", "طلائع"),
    "@kurdistan": ("kurdistanê", "kurdistanî", "kurdystanu", "kurdystan", "kurdyjska", "kurdyjskiej", "curdistão", "curdistan", "курдистана", "курдистан",  "کوردستان", "کوردستانی","kurdistan", "kordestan", "kurdistani", "kurdistans", "kurdische", "kurdischen", "كردستان", "کردستان"),
    "@arab": ("arab", "arabi", "arabiya", "arabe", "العربية", "العربي"),
    "@south": ("meridional", "méridional", "méridionale", "meridionale", "דרום", "தெற்கு", "южный", "южного", "южная", "южной", "південний", "південного", "janub", "janubi", "januby", "south", "southern", "sud", "الجنوب", "الجنوبي", "sudiste", "sudistes", "güney"),
    "@north": ("צפון", "வடக்கு", "shamal", "shamali", "north", "northern", "nord", "الشمال"),
    "@west": ("vest", "מערב", "மேற்கு", "gharb", "west", "western", "ouest", "غرب", "occidental", "occidentale", "occidentales"),
    "@east": ("מזרח", "கிழக்கு", "తూర్పు", "sharq", "east", "eastern", "est", "الشرق"),
    "@central": ("सेंटर", "সেন্টার", "wasat", "central", "centre", "center", "وسط"),
    "@africa": ("ifriqiya", "ifriqiyya", "africa", "afrique", "أفريقيا", "إفريقية"),
    "@peninsula": ("halbinsel", "jazira", "jazirat", "jazeera", "peninsula", "péninsule", "جزيرة"),
    "@land": ("ard", "bilad", "land", "lands", "terre", "أرض", "بلاد"),
    "@council-shura": ("shura", "shoura", "consultative", "شورى"),
    "@fighting": (
        "fighting", "combatant", "combatants", "combattant", "combattante", "combattantes", "muqatila",
        "muqatilah", "muqatileen", "combat", "qitali", "qitaliya", "qitaliyya", "المقاتلة", "القتالية", "القتال", "قتال", "qital",
        "combate", "combattimento",
        "القتالي",
    ),
    "@guards": ("garda", "gărzilor", "gărzile", "pengawal", "حرس", "الحرس", "strażników", "guardianes", "guardiões", "wächter", "стражи", "стражей", "guards", "guard", "guardians", "guardian", "pasdaran", "haras", "gardiens", "حراس", "پاسداران", "guardiani", "guardie", "strażnicy"),
    "@command": ("قيادة", "командование", "kommando", "command", "commands", "qiyada", "qiyadat", "commandement", "comando", "comandos", "القيادة"),
    "@supreme": ("supremo", "suprema", "alto", "alta", "высшее", "высший", "верховный", "supreme", "ulya", "uliya", "a'la", "high", "haut", "suprême", "العليا", "الأعلى"),
    "@reform": ("reform", "islah", "réforme", "reforma", "الإصلاح"),
    "@general": ("general", "aam", "'amm", "général", "geral", "generale", "العام", "العامة"),
    "@military": ("military", "askari", "askariya", "militaire", "militar", "العسكري", "العسكرية"),
    # "Security Belt Forces", "Eastern Security Network": "Cinturón de Seguridad", "Ανατολικό
    # Δίκτυο Ασφαλείας".
    "@security": ("security",),
    # "Allied Democratic Forces": "Forces démocratiques alliées", "Fuerzas Democráticas Aliadas".
    "@allied": ("allied",),
    "@sons": ("sons", "abna", "abnaa", "fils", "أبناء"),
    # "Islamic State in the Greater Sahara": "au Grand Sahara", "في الصحراء الكبرى"; the Turkish
    # "İslami Büyük Doğu Akıncıları Cephesi", the Great Eastern Raiders.
    "@great": ("great", "greater", "grand", "grande", "büyük", "الكبرى", "الكبير"),
    "@democratic": ("ڈیموکریٹک", "ஜனநாயக", "ప్రజాస్వామ్య", "demokratischer", "demokratisches", "ዴሞክራሲያዊ", "ዲሞክራሲያዊ", "ዴሞክራስያዊ", "demokratiska", "demokratiske", "demokratická", "demokratikus", "demokratiko", "דמוקרטי", "গণতান্ত্রিক", "kidemokrasia", "dimuqraadiga", "демократической", "демократического", "демократичний", "δημοκρατικό", "δημοκρατική", "δημοκρατικός", "δημοκρατικού", "δημοκρατικής", "demokrat", "demokrata", "demokrate", "دیموکرات", "دموکرات", "demokratyczny", "demokratyczna", "demokratyczne", "демократический", "демократическая", "democratische",  "dimukrat", "dimukrati", "dimokrat", "dimokrati","डेमोक्रेटिक", "ডেমোক্রেটিক", "लोकतांत्रिक",
        "democráticas", "democráticos", "democrática", "democrático", "democratiche", "democratici",
        "democratic", "dimuqrati", "dimuqratiya", "dimuqratiyah", "demokratik", "démocratique",
        "democratique", "democratico", "democrático", "الديمقراطية", "الديموقراطية", "الديمقراطي",
        "dem", "demokratische",
    ),
    "@patriotic": ("patriots", "patriotes", "patriotas", "patrioti", "patrioten", "patrioci", "አርበኞች", "niştîmanî", "نیشتمانی", "patriotyczny", "patriotyczna", "patriotische", "patriotischen", "patriottico", "patriótica", "patriotica", "patriotic", "patriotique", "patriotico", "patriótico"),
    "@maoist": ("maoist", "maoists", "maoiste", "maoistes", "maoista", "maoistas", "maoísta", "maoístas", "maoistisch", "maoistische",
        "maoistischen", "maoistisk", "maoistiska", "maoistyczna", "maoistická", "маоистская", "маоистской", "маоистов",
        "माओवादी", "মাওবাদী", "maovadi", "maobadi"),
    "@communist": ("kommunistiska", "kommunistiske", "komunistická", "kommunista", "komunista", "комуністична", "комуністичної", "کمونیست", "קומוניסטי", "kikomunisti", "κομμουνιστικό", "κομμουνιστική", "κομμουνιστικός", "κομμουνιστικού", "κομμουνιστικής", "comunisti", "kommunistische", "kommunistischen", "komunistyczna", "komunistycznej", "коммунистическая", "communistische", "komünist", "komunis", "कम्युनिस्ट", "কমিউনিস্ট", "communist", "shuyui", "communiste", "comunista", "kommunist", "الشيوعي"),
    "@socialist": ("socialist", "ishtiraki", "socialiste", "socialista", "الاشتراكي"),
    "@united": ("یونائیٹڈ", "ஐக்கிய", "ఐక్య", "verenigde", "förenade", "forenede", "zjednoczony", "zjednoczone", "zjednoczona", "sjednocená", "egyesült", "birleşik", "nagkakaisa", "объединённый", "объединенный", "об'єднаний", "обєднаний", "ενωμένο", "ενωμένη", "متحد", "מאוחד", "संयुक्त", "সম্মিলিত", "uni", "unis", "unies", "forent", "bersatu", "vereinigte", "vereinigten", "объединённая", "объединенная", "объединённой", "unificata", "unificato", "यूनाइटेड", "ইউনাইটেড", "united", "muttahida", "unifie", "unifié", "unido", "unida", "unidos", "unidas", "uniti", "unite", "المتحدة"),
    "@glory": ("glory", "majd", "izza", "izzah", "gloire", "gloria", "المجد", "العزة"),
    "@uprising": ("uprising", "intifada", "intifadah", "intifadha", "soulèvement", "انتفاضة"),
    "@cells": ("núcleos", "nucleos", "cellule", "células", "celulas", "zellen", "πυρήνων", "πυρήνες", "komórki", "komórka", "ячейки", "осередки",
        "cells", "cell", "nuclei", "cellules", "cellule", "células", "celulas", "zellen", "zelle", "khalaya",
        "خلايا", "خلية",
    ),
    "@league": ("lega", "förbund", "lig", "ליגת", "लीग", "লীগ", "league", "asaib", "asa'ib", "usbat", "usba", "usbah", "ligue", "liga", "عصائب", "عصبة"),
    "@transitional": ("transitional", "intiqali", "intiqālī", "transitoire", "الانتقالي"),
    "@independent": ("indipendente", "independente", "unabhängige", "independent", "mustaqil", "indépendant", "independiente"),
    "@special": ("spéciales", "spéciaux", "especiales", "especiais", "speciali", "speciale", "spezial", "särskilda", "specjalne", "specjalnego", "speciální", "különleges", "özel", "khusus", "espesyal", "специальный", "специальные", "спеціальний", "ειδικές", "ειδικών", "ویژه", "מיוחד", "विशेष", "বিশেষ", "maalum", "special", "khasa", "khassa", "spécial", "especial", "الخاصة", "специального", "спеціального"),
    "@fedayeen": (
        "fedayeen", "fedayin", "fidayin", "fidaiyin", "fedaian", "fedaiyan", "fadayan", "fedai", "fidai",
        "فدائيين", "فدائيان", "فدائي",
    ),
    "@armed": ("bewaffnete", "bewaffneten", "streit",  # "Streitkräfte", split as a compound of streit and kräfte
               "zbrojne", "zbrojnych", "zbrojna", "ozbrojené", "oružane",
               "armato", "armati", "вооружённые", "вооруженные", "вооружённых", "вооруженных", "збройні", "збройних", "ένοπλες", "ένοπλος", "ένοπλη", "ένοπλο", "ένοπλων",  "bersenjata","armed", "musallaha", "musalaha", "armadas", "armados", "armada", "armado", "armées", "المسلحة"),
    "@sun": ("sun", "suns", "sol", "soles", "soleil", "shams", "الشمس"),
    "@self-defense": ("autodefensa", "zelfverdediging", "självförsvar", "samoobrona", "sebeobrana", "autoapărare", "önvédelmi", "özsavunma", "αυτοάμυνα", "आत्मरक्षा", "আত্মরক্ষা", "autodefesa", "selbstverteidigung", "самообороны", "самооборона", "autodefensas", "autodéfense", "autodefense", "self-defense", "self-defence", "autodifesa"),
    "@rally": ("rassemblement", "tajammu", "rally", "التجمع"),
    "@coordination": ("coordination", "tansiqiya", "tansikiya", "coordinadora", "التنسيقية"),
    "@association": ("jamiat", "jamiyat", "jam'iyyat", "association", "society", "جمعية", "جمعیت"),
    "@martyrdom": ("istishhadi", "istishhadiyin", "martyrdom", "الاستشهادي"),
    "@peace": ("salam", "peace", "paix", "paz", "pace", "السلام", "سلام"),
    "@justice": ("gerechtigheid", "rättvisa", "sprawiedliwość", "spravedlnost", "justiție", "justiţie", "igazság", "keadilan", "katarungan", "справедливости", "справедливості", "δικαιοσύνης", "צדק", "न्याय", "ন্যায়", "cadaalad", "adalci", "giustizia", "gerechtigkeit", "sprawiedliwości", "adalet", "adl", "adala", "adalat", "justice", "justicia", "justica", "العدل", "العدالة", "عدالت"),
    "@equality": ("uguaglianza", "igualdade", "gleichheit", "равенство", "равенства", "musawat", "equality", "egalite", "égalité", "igualdad", "المساواة"),
    "@freedom": ("frihet", "friheten", "libertate", "szabadság", "kebebasan", "kalayaan", "ελευθερία", "חופש", "स्वतंत्रता", "স্বাধীনতা", "xorriyad", "libertà", "liberdade", "freiheit", "vrijheid", "özgürlük", "wolności", "libertatea", "hurriya", "hurriyah", "huriya", "freedom", "liberty", "askatasuna", "azadi", "azadiya", "liberte", "liberté", "libertad", "الحرية", "آزادی", "свобода", "свободы", "wolność"),
    "@independence": ("незалежності", "självständighet", "nezávislost", "independență", "függetlenség", "независимость", "незалежність", "ανεξαρτησία", "עצמאות", "madaxbannaanida", "indipendenza", "independência", "unabhängigkeit", "niepodległości", "niepodległość", "независимости", "onafhankelijkheid", "bağımsızlık", "kemerdekaan", "istiqlal", "independence", "indépendance", "independencia", "الاستقلال"),
    "@homeland": ("watan", "homeland", "fatherland", "patrie", "patria", "الوطن", "وطن"),
    "@nation": ("umma", "ummah", "ummat", "nation", "nations", "الأمة", "امت"),
    "@brotherhood": ("αδελφότητα", "αδελφότητας", "ब्रदर्स", "ব্রাদার্স", "ikhwan", "brotherhood", "brothers", "freres", "frères", "hermandad", "hermanos", "الإخوان"),
    "@dignity": ("karama", "karamah", "dignity", "dignite", "dignité", "dignidad", "الكرامة"),
    "@dawn": ("fajr", "dawn", "aube", "amanecer", "الفجر", "فجر"),
    "@storm": ("asifa", "asifat", "storm", "tempete", "tempête", "tormenta", "العاصفة", "عاصفة"),
    "@banner": ("raya", "rayat", "banner", "banners", "bannière", "راية", "رايات"),
    "@promise": ("wad", "wa'd", "promise", "pledge", "promesse", "promesa", "الوعد", "وعد",
        # promised, as in the Promised Day ("al-Yawm al-Mawud")
        "promised", "mawud", "maw'ud", "mauood", "موعود", "الموعود", "prometido", "prometida", "promis", "promesso",
        "verheißenen", "versprochenen", "obiecanego", "обещанного", "обещанный", "обіцяного", "vaat", "vaadedilen",
        "dijanjikan", "beloofde", "utlovade"),
    "@day": ("day", "days", "yawm", "yaum", "youm", "yaoum", "يوم", "اليوم", "روز", "jour", "día", "dia", "giorno",
        "tages", "dzień", "dnia", "дня", "hari", "dag", "dagen", "ημέρα", "ημέρας",
        "יום", "दिन", "দিন", "siku", "maalinta"),
    "@faith": ("iman", "faith", "foi", "الإيمان", "ايمان"),
    "@guidance": ("huda", "hudaa", "guidance", "الهدى", "هدى"),
    "@call": ("dawa", "da'wa", "dawah", "da'wah", "preaching", "predication", "prédication", "propagation", "الدعوة", "دعوت"),
    "@monotheism": (
        "tawhid", "tawheed", "towhid", "monotheism", "oneness", "unification", "unificación", "التوحيد", "توحيد",
    ),
    "@international": ("международного", "международной", "международные", "міжнародного", "міжнародної", "интернациональной", "интернациональные", "інтернаціональна", "international", "internationale", "internacional", "duwaliya", "dawliya", "الدولية", "الدولي", "intl",
                       "международный", "международная", "міжнародний", "міжнародна", "интернациональная",
                       "интернациональный", "інтернаціональний"),
    "@syriac": ("syriac", "syriaque", "suryani", "siryani", "السرياني", "السريانية"),
    "@giants": ("giants", "géants", "amaliqa", "amaliqah", "amalika", "amalqa", "العمالقة"),
    "@whirlwind": ("whirlwind", "tornade", "tourbillon", "zawba'a", "zawbaa", "zawba", "الزوبعة"),
    "@cedars": ("cèdre", "cedre", "cedros", "cedri", "zedern", "cedars", "cedar", "cèdres", "arz", "الأرز"),
    "@shrines": ("shrine", "shrines", "ataba", "atabat", "العتبات", "العتبة"),
    "@regular": ("regular", "regulatory", "régulières", "regulatoires", "régulatoires", "nizamiya", "nizamiyya", "النظامية"),
    "@emigrants": ("muhajirin", "muhajireen", "muhajirun", "emigrants", "migrants", "المهاجرين", "مهاجرين"),
    "@knights": ("fursan", "knights", "chevaliers", "caballeros", "فرسان"),
    "@heroes": ("abtal", "heroes", "héros", "heros", "héroes", "أبطال"),
    "@tigers": ("புலிகள்", "పులులు", "tigre", "tigri", "tiger", "тигры", "टाइगर्स", "টাইগার্স", "numur", "tigers", "tigres", "نمور"),
    "@wolves": ("wilki", "wilków", "вълци", "dhiab", "thiab", "wolves", "loups", "lobos", "ذئاب", "wölfe", "lupi"),
    # (not رمادي, الرمادي: Ramadi, the city, is written so)
    "@grey": ("الرمادية", "szare", "szara", "szary", "grey", "gray", "gris", "grises", "grau", "graue", "grauen", "grigi", "bozkurt"),
    # "Peuple autochtone du Biafra": the Indigenous People of Biafra
    "@indigenous": ("indigenous", "indigène", "indigènes", "autochtone", "autochtones", "indígena", "indígenas",
                    "indigeni", "коренных", "коренной"),
    "@red": ("merah", "czerwonej", "rosso", "rosse", "roșie", "roșu", "röda", "rudá", "roșii", "roşii", "vörös", "червона", "червоної", "κόκκινη", "κόκκινοι", "אדום", "nyekundu", "vermelles", "vermell", "vermelhas", "vermelhos", "سرخ", "sorkh", "rote", "roten", "roter", "czerwona", "czerwone", "красная", "красные", "красных", "красной", "rode", "kızıl", "ahmar", "hamra", "red", "rouge", "rouges", "rojo", "roja", "rojos", "rojas", "vermelho", "vermelha", "الأحمر", "الحمراء"),
    "@black": ("preto", "preta", "schwarz", "schwarzer", "zwart", "zwarte", "svarta", "czarna", "czarny", "černá", "negru", "fekete", "hitam", "чорна", "чорні", "μαύρη", "μαύρα", "שחור", "nyeusi", "nero", "nera", "neri", "nere", "schwarze", "schwarzen", "чёрная", "черная", "чёрные", "черные", "aswad", "black", "noir", "noire", "noirs", "negro", "negra", "الأسود", "السوداء"),
    # What the IRA's splits called themselves, as other languages' press translates it.
    "@real": ("real", "wahre", "auténtico", "autentico", "auténtica", "véritable", "vraie", "vera", "vero", "verdadero"),
    "@continuity": ("continuity", "kontinuitäts", "kontinuitats", "continuidad", "continuité", "continuita", "continuità"),
    "@provisional": ("provisoriska", "provisoriske", "provisional", "provisorische", "provisorischen", "provisoire", "provisionale", "provvisoria", "provisório", "sealadach"),
    "@white": ("abyad", "white", "blanc", "blanche", "blanco", "blanca", "bianco", "bianca", "الأبيض", "البيضاء", "branco", "branca", "beyaz", "weiss", "weisse"),
    "@green": ("akhdar", "green", "vert", "verte", "verde", "الأخضر", "الخضراء"),
    "@gulf": ("khalij", "gulf", "golfe", "golfo", "الخليج"),
    "@mountain": ("jabal", "jebel", "jibal", "mountain", "mountains", "montagne", "montagnes", "montaña", "montañas", "الجبل", "جبال"),
    "@desert": ("sahra", "desert", "désert", "desierto", "الصحراء"),
    "@peasants": ("peasants", "peasant", "paysans", "campesinos", "camponeses", "contadini", "bauern", "chłopów",
                  "köylü", "крестьян", "крестьянская", "селян", "fellahin", "الفلاحين", "دهقانان"),
    "@opposition": ("opposition", "oppositions", "opposizione", "oposição", "oposición", "оппозиция", "оппозиции",
                    "опозиція", "opozycja", "opozycji", "muxolifat", "اپوزیسیون", "المعارضة", "معارضه"),
    "@mobilization": ("mobilisatie", "mobilisering", "mobilizace", "mobilizare", "mobilizáció", "mobilisasyon", "κινητοποίηση", "بسیج", "גיוס", "uhamasishaji", "حشد", "الحشد", "mobilization", "mobilisation", "mobilisasi", "movilización", "mobilização", "mobilitazione",
                      "mobilisierung", "mobilizacja", "mobilizacji", "мобилизации", "мобилизация", "seferberlik"),
    "@courts": ("corti", "cortes", "sudova", "sudovi", "courts", "court", "tribunaux", "tribunais", "tribunales", "tribunali", "gerichte", "mahakim", "المحاكم",
                "sądów", "судов", "mahkemeler"),
    "@conspiracy": ("conspiracy", "conspiração", "cospirazione", "conspiración", "conspiration", "verschwörung",
                    "συνωμοσία", "spisek", "заговор"),
    "@fire": ("fire", "fogo", "fuoco", "fuego", "feu", "feuer", "φωτιάς", "φωτιά", "ognia", "огня", "النار"),
    "@workers": ("arbetare", "arbejdere", "dělníků", "muncitorilor", "munkás", "manggagawa", "робітників", "کارگران", "פועלים", "मजदूर", "শ্রমিক", "wafanyakazi", "shaqaalaha", "εργατών", "robotnicza", "robotników", "pracujących", "arbeiders", "рабочих", "buruh", "krekaran", "krekarani", "वर्कर्स", "ওয়ার্কার্স", "ওয়ার্কাস", "ummal", "workers", "travailleurs", "trabajadores", "karkeren", "karker", "العمال", "işçi", "arbeiter", "рабочая", "рабочей", "робітнича", "trabalhadores", "pekerja", "lavoratori"),
    "@path": ("path", "way", "voie", "chemin", "sendero", "sentiero", "camino", "caminho", "sabil", "سبيل"),
    "@shining": ("shining", "luminoso", "luminous", "lumineux"),
    # "Partiya Jiyana Azad a Kurdistanê", the Party of Free Life of Kurdistan
    "@life": ("life", "vie", "vida", "vita", "leben", "jiyan", "jiyana", "jiyani", "ژیان", "ژیانی", "zendegi", "زندگی", "yaşam"),
    "@struggle": ("fight", "luta", "lotta", "kampf", "strijd", "walka", "luptă", "harc", "mücadele", "perjuangan", "pakikibaka", "борьба", "боротьба", "مبارزه", "מאבק", "संघर्ष", "সংগ্রাম", "mapambano", "halgan", "αγώνας", "αγώνα", "nidal", "kifah", "struggle", "lutte", "lucha", "النضال", "الكفاح"),
    "@volunteers": ("добровольчий", "добровольча", "добровольческая", "ochotnicze", "volunteer", "volunteers", "volontaires", "voluntarios", "voluntários", "volontari", "freiwillige", "freiwilligen", "ochotnicy", "ochotniczy", "добровольческий", "добровольческого", "добровольців", "gönüllü", "gönüllüler"),
    "@defenders": ("mudafiin", "defenders", "défenseurs", "defenseurs", "defensores", "المدافعين"),
    # the Red Hand Defenders' and the Red Hand Commando's hand ("Defensores de la Mano Roja")
    "@hand": ("hand", "mano", "main", "mão"),
    "@muslims": ("muslim", "musulmanos", "musulmani", "muçulmanos", "мусульман", "мусульмане", "muzułmanów", "muslimin", "muslimeen", "muslimun", "muslimina", "muslims", "musulmans", "musulmanes", "المسلمين", "مسلمین"),
    "@shield": ("dira", "dir'", "dera", "shield", "bouclier", "escudo", "درع"),
    "@second": ("second", "segunda", "segundo", "deuxieme", "deuxième", "seconde", "thani", "thaniya", "thaniyah", "الثاني", "الثانية"),
    "@new": ("nouă", "noua", "noul", "новое", "нового", "новой", "nieuw", "nieuwe", "חדש", "নতুন", "mpya", "cusub", "nuovo", "nuova", "neue", "neuen", "nowa", "nowy", "новая", "новый", "yeni", "jadid", "jadida", "new", "nouveau", "nouvelle", "nuevo", "nueva", "novo", "nova", "الجديد", "الجديدة"),
    "@generation": ("generation", "génération", "generacion", "generación", "geracao", "geração", "jil", "جيل"),
    "@family": ("family", "famille", "familia", "família", "fanmi", "aila", "عائلة"),
    "@first": ("prima", "primeira", "first", "premier", "premiere", "première", "primero", "primera", "primer", "primeiro", "primo", "awwal", "الأول"),
    "@capital": ("capital", "capitale", "asima", "العاصمة"),
    "@clan": ("clan", "clans", "clã", "ashira", "عشيرة"),
    "@january": ("janeiro", "gennaio", "januar", "января", "січня", "ιανουαρίου", "ιανουάριος", "january", "janvier", "enero", "yanayir"),
    "@february": ("fevereiro", "febbraio", "februar", "февраля", "лютого", "φεβρουαρίου", "şubat", "february", "février", "fevrier", "febrero", "fibrayir"),
    "@march": ("machi", "märz", "marz", "марта", "березня", "μαρτίου", "march", "mars", "marzo", "maris"),
    "@april": ("aprile", "апреля", "квітня", "απριλίου", "april", "avril", "abril", "abril"),
    "@may": ("ግንቦት", "maggio", "maio", "мая", "травня", "μαΐου", "may", "mai", "mayo", "mayu"),
    "@june": ("junho", "giugno", "juni", "июня", "червня", "ιουνίου", "haziran", "june", "juin", "junio", "yunyu"),
    "@july": ("julho", "luglio", "juli", "июля", "липня", "ιουλίου", "ιούλη", "temmuz", "july", "juillet", "julio", "yulyu"),
    "@august": ("августа", "серпня", "αυγούστου", "ağustos", "august", "août", "aout", "agosto", "aghustus"),
    "@september": ("setembro", "settembre", "сентября", "вересня", "σεπτεμβρίου", "eylül", "september", "septembre", "septiembre", "sibtambar"),
    "@october": ("outubro", "ottobre", "oktober", "октября", "жовтня", "οκτωβρίου", "οκτώβρη", "october", "octobre", "octubre", "uktubar"),
    "@november": ("novembro", "ноября", "листопада", "νοεμβρίου", "νοέμβρη", "november", "novembre", "noviembre", "nufambar"),
    "@december": ("dezembro", "dicembre", "dezember", "декабря", "грудня", "δεκεμβρίου", "aralık", "december", "décembre", "decembre", "diciembre", "disambar"),
    "@secret": ("secret", "secrète", "secrets", "secreto", "secreta", "segreto", "segreta", "geheime", "geheimen", "geheim", "hemliga", "hemmelige", "tajna", "tajny", "tajne", "tajná", "secretă", "titkos", "gizli", "rahasia", "тайная", "тайной", "таємна", "μυστικός", "μυστικό", "مخفی", "סודי", "गुप्त", "গোপন", "qarsoodi"),
    "@holy": ("holy", "sacred", "muqaddas", "muqadas", "sainte", "saint", "santo", "sagrado", "sagrada", "sacro", "sacra", "heilige", "heiligen", "święta", "święty", "svatá", "sfânt", "szent", "kutsal", "святой", "святая", "святий", "святої", "ιερός", "مقدس", "המקודש", "קדוש", "पवित्र", "পবিত্র", "takatifu"),
    "@republic": ("republic", "républiques", "république", "república", "repubblica", "republik", "republiek", "republika", "republica", "köztársaság", "cumhuriyet", "cumhuriyeti", "республика", "республики", "республіка", "республіки", "δημοκρατία", "jumhuriya", "jumhuriyya", "jumhuriyat", "الجمهورية", "جمهورية", "جمهوری", "רפובליקה", "गणराज्य", "প্রজাতন্ত্র", "jamhuri", "jamhuuriyadda"),
    "@caucasus": ("caucasus", "caucasian", "caucase", "caucasien", "cáucaso", "caucaso", "kaukasus", "kaukasische", "kaukazus", "kaukázusi", "kaukaskiego", "kaukaski", "kavkaz", "kavkaza", "kavkazskiy", "кавказ", "кавказа", "кавказский", "кавказского", "кавказький", "кавказу", "kafkas", "kafkasya", "القوقاز", "qawqaz"),
    "@salafist": ("salafist", "salafists", "salafi", "salafis", "salafiya", "salafiyya", "salafiyah", "السلفية", "السلفي",
        "salafiste", "salafistes", "salafista", "salafistas", "salafistische", "salafistischen", "салафитская",
        "салафитской", "selefi", "selefî"),
    "@deterrence": ("deterrence", "الردع", "ردع", "dissuasion", "disuasión", "dissuasione",
        "abschreckung", "сдерживания"),
    "@avengers": ("avengers", "vengeurs", "vengadores", "vingadores", "vendicatori", "rächer", "mściciele", "мстители",
        "المنتقمون"),
    "@spirit": ("spirit", "esprit", "espíritu", "espírito", "spirito", "geist", "geistes", "duch", "ducha", "дух", "духа",
        "روح", "ruh", "roho"),
    "@law": ("law", "droit", "derecho", "direito", "diritto", "prawa", "prawo", "права", "право", "hukuk", "hukum",
        "القانون"),
    "@sovereign": ("sovereign", "souverain", "souveraine", "soberano", "soberana", "sovrano", "sovrana", "souveräne",
        "souveränen", "suwerenny", "suwerennej",
        # and its sovereignty, as the glossary's Arabic and Tagalog words are both
        "sovereignty", "souveraineté", "soberanía", "soberania", "sovranità", "souveränität", "suwerenność",
        "suwerenności", "suveranitate", "suverenitet", "egemenlik"),
    "@friends": ("friends", "amigos", "amis", "freunde", "amici", "أصدقاء", "اصدقاء"),
    "@mobile": ("mobile", "móvil", "movil", "móvel", "movel", "mobil", "mobiles", "móviles"),
    "@democracy": ("democracy", "démocratie", "democratie", "democracia", "demokratie", "democrazia", "demokracji",
        "demokracja", "демократии", "демократия", "демократію", "demokrasi", "demokrasia"),
    "@total": ("total", "totale", "völlige", "völligen", "total", "całkowitej", "полной", "полная"),
    "@development": ("development", "développement", "developpement", "desarrollo", "desenvolvimento", "sviluppo",
        "entwicklung", "rozwoju", "развития", "розвитку", "التنمية", "kalkınma", "pembangunan"),
    # the arms one fights with ("Harakat Sawa'id Misr", the Arms of Egypt Movement), not weapons
    "@arms": ("arms", "forearms", "bras", "brazos", "braços", "sawaid", "sawa'id", "سواعد"),
    "@belt": ("belt", "حزام", "الحزام", "hizam", "ceinture", "cinturón", "cinturão", "cintura", "gürtel", "пояс"),
    "@alternation": ("alternation", "alternance", "التناوب", "tanawub", "alternancia", "alternância"),
    "@concord": ("concord", "concorde", "concordia", "concórdia", "الوفاق", "وفاق", "wifaq", "eintracht"),
    "@tribes": ("tribes", "tribe", "qabail", "qaba'il", "qabayil", "قبائل", "القبائل", "tribus", "tribù", "stämme", "plemion", "племён", "племен",
        # and their adjective, as "Sinai Tribal Union" and "Sinai Tribes Union" are one name; the
        # Arabic "عشائري" is of the clans
        "tribal", "tribale", "tribales", "tribaux", "عشائري", "العشائري", "العشائرية", "ashairi", "asha'iri"),
    "@joint": ("joint", "mushtaraka", "mushtarika", "المشتركة", "مشتركة", "conjointe", "conjointes", "conjunta", "conjuntas", "congiunta", "congiunte", "gemeinsame", "gemeinsamen", "połączone", "объединённые"),
    "@change": ("перемены", "перемен", "change", "changement", "cambio", "mudança", "mudanca", "wandel", "zmiany", "zmiana", "taghyir", "taghyeer", "التغيير", "تغيير"),
    "@line": ("line", "ligne", "linea", "línea", "línia", "linha", "linie"),
}

#: Function words of the languages names arrive in, beyond the articles the normalizer drops.
STOPWORDS = ("ex", "de", "du", "des", "la", "le", "les", "el", "del", "los", "las", "y", "et", "pour", "por", "para", "par",
             # English "of" and "and" as Indian scripts write them ("इस्लामिक स्टेट ऑफ इराक एंड सीरिया");
             # not Telugu's and Punjabi's "of", which key as "af", the AFF's acronym
             "ऑफ", "एंड", "অফ", "অ্যান্ড", "ઓફ", "એન્ડ", "అండ్", "ਐਂਡ",
             # indefinite articles ("Parti pour une vie libre au Kurdistan"; not "un", the UN)
             "une", "una", "ein", "eine", "einen", "einer",
             "dans", "en", "al", "li", "lil", "lid", "ol", "bi", "bil", "fil", "min", "ila", "wa", "ve", "ji",
             "au", "aux", "ye", "yi", "ya", "da", "do", "dos", "das", "o", "os", "pelo", "pela", "pelos", "pelas", "em", "di", "della", "dei", "delle", "per", "na", "no", "nos", "num", "numa", "nella", "nelle", "nel", "nei", "il", "lo", "gli", "dello", "degli", "ng", "mga", "va", "имени", "імені", "окремий", "окрема", "окремого", "окремої", "отдельный", "отдельная", "отдельного", "отдельной", "der", "die", "und", "für", "fur", "els", "the", "those", "who", "with", "to", "from", "by", "on", "at", "its", "their", "his", "her", "our",
             # German, Dutch, Polish, Turkish, Indonesian, Romanian and Italian function words
             "von", "zur", "zum", "dem", "auf", "im",
             # the Arabic wal- (and the) as Russian writes it, валь
             "val", "het", "voor", "van", "dla", "ze", "ile", "untuk", "pentru", "dell", "dall", "dalla", "sulla", "nell", "sull",
             # Danish, Norwegian and Swedish articles and "and"
             "den", "det", "och", "og",
             # "for" of the Slavic languages ("Национальное движение за освобождение Азавада")
             "за", "za",
             # Luganda's and Kinyarwanda's "of" before a plural ("abayeekera ba M23", the M23's rebels),
             # and Swahili's after a word of its ki- class ("kikundi cha M23", the M23 group)
             "ba", "cha",
             # Greek articles and prepositions
             # (not η, οι, τα, στα, σε, για: read i, ta, sta, se, gia, they are letters and words of other names)
             "του", "της", "την", "των", "τον", "τις", "και", "στο", "στη", "στην", "στον", "στις", "από",
             # Hindi and Urdu postpositions ("of")
             "की", "का", "के", "کی", "کا", "کے")

#: Words a report adds to a group's name to say what its members are, not which group it is:
#: "Houthi rebels", "FARC guerrillas". They are left out of the comparison, as function words are.
DESCRIPTORS = (
    "rebels", "rebel", "guerrillas", "guerrilla", "guerrilleros", "militants", "militant", "insurgents",
    "insurgent", "militiamen", "jihadists", "jihadist", "terrorists", "terrorist", "extremists",
    "extremist", "gunmen", "fighters", "mercenaries", "mercenary", "terror", "terör", "terörist",
    # the same in the French, Spanish, Portuguese and German press ("les rebelles du M23",
    # "Hamas-Terroristen", "Taliban-Kämpfer")
    "rebelles", "rebeldes", "rebellen", "rébellion", "rebellion", "rebelión", "guerilla", "guerillas", "terroristes", "terroristas", "terroristen", "jihadistes",
    "djihadistes", "yihadistas", "dschihadisten", "islamistes", "islamistas", "islamisten",
    "kampfer", "combatientes", "combattants", "combatentes", "combattenti", "insurges", "terrorista", "terroriste", "terroristische", "insurgentes", "miliciens", "milicianos",
    "guerrilheiros", "mercenaires", "mercenarios", "soldner", "résistants", "resistants", "mayakan", "تروریستی", "تروریست",
    # "mouvement insurrectionnel Mobondo": what the movement does, not which one it is
    "insurrectionnel", "insurrectionnelle", "insurrectional", "insurreccional", "insurrezionale",
    # and in Italian, Russian, Ukrainian, Turkish, Indonesian, Hindi and Urdu ("боевики ИГ", the
    # Islamic State's fighters; Hindi "विद्रोही", rebels)
    "ribelli", "miliziani", "terroristi", "jihadisti", "боевики", "боевиков", "повстанцы", "повстанцев",
    "террористы", "бойовики", "бойовиків", "повстанці", "militanlar", "militanları", "isyancılar",
    "teröristler", "pemberontak", "militan", "विद्रोही", "आतंकवादी", "उग्रवादी", "باغی", "عسکریت پسند",
    # the French press's sect ("la secte Boko Haram", "la secte islamiste"), the Indonesian terrorist
    # ("kelompok teroris Abu Sayyaf"), the Hebrew press's terror, terrorists and rebels ("הטרור",
    # "המחבלים", "המורדים") and the Arabic press's fighters, gunmen and members of a group
    # ("مقاتلي فاغنر", "عناصر داعش")
    "secte", "sectes", "islamiste", "teroris", "הטרור", "מחבלים", "המחבלים", "מורדים", "המורדים",
    "مقاتلي", "مقاتلو", "مسلحي", "مسلحو", "عناصر",
    # and the Persian press's rebels ("شورشیان حوثی", the Houthi rebels)
    "شورشیان", "شورشی",
    # rebels in Swahili, Kinyarwanda and Luganda ("waasi wa ADF", "inyeshyamba za FDLR", "abayeekera
    # ba M23"), terrorists and rebels with Tagalog's linker ("teroristang Abu Sayyaf", "rebeldeng
    # NPA"), the French rebel and separatists ("coalition rebelle Séléka", "miliciens séparatistes"),
    # paramilitaries, and the Russian and Ukrainian press's bandit formations ("бандформирование
    # «Восток»")
    "waasi", "inyeshyamba", "inyeshamba", "abayeekera", "teroristang", "rebeldeng", "rebelle",
    "séparatistes", "séparatiste",
    "paramilitaire", "paramilitaires", "paramilitar", "paramilitares", "paramilitary", "paramilitaries",
    "бандформирование", "бандформирования", "бандформування", "бандформувань",
    # the English press's sect, vigilantes and bandits ("Lakurawa sect", "Yansakai vigilante group",
    # "Abu Sayyaf bandit group"), the French and English criminal ("organisation criminelle « Viv
    # Ansanm »"), the German extremists ("Extremisten-Miliz Boko Haram"), the Italian jihadist
    # ("gruppo jihadista"), the Portuguese guerrilla ("guerrilha da Renamo"), Hausa's youths
    # ("matasan Ansaru"), Swahili's rebellion and fighters ("kundi la uasi la M23", "wapiganaji
    # Wazalendo") and Kinyarwanda's fighters ("abarwanyi ba ADF")
    "sect", "sects", "vigilante", "vigilantes", "bandit", "bandits", "criminelle", "criminelles", "criminal",
    "extremisten", "jihadista", "guerrilha", "guerrilhas", "matasan", "uasi", "wapiganaji", "abarwanyi",
    # the Latin American press's gangs and criminal bands ("pandilla Los Tiguerones", "banda
    # delictiva", "grupo delictivo Los Lobos", "megabanda", "grupo narcoparamilitar", "remanentes de
    # Sendero Luminoso"), a name given as such ("banda criminal denominada el Tren de Aragua",
    # "conocida como", "bande criminelle dénommée « 400 Mawozo »"), the Dutch and German terror and
    # guerrilla movements and groups ("terreurbeweging FARC", "Terrorgruppe"), the Serbian members
    # ("pripadnici OVK"), Kinyarwanda's group
    # of rebels ("umutwe w'inyeshyamba wa ADF"), Swahili's terror group ("kundi la kigaidi la
    # Al-Shabab"), the Arabic mercenaries ("مرتزقة الدعم السريع") and Yoruba's squad ("ikọ Amọtẹkun")
    "pandilla", "pandillas", "banda", "bandas", "bande", "bandes", "delictiva", "delictivo", "delictivas",
    "delictivos", "megabanda", "megabandas", "narcoparamilitar", "narcoparamilitares", "remanentes",
    "criminales", "denominada", "denominado", "conocida", "conocido", "dénommée", "dénommé",
    "terreurbeweging", "guerrillabeweging", "guerrillagroep", "terreurgroep", "terrorgruppe", "terrormiliz",
    "terrororganisation", "pripadnici", "pripadnika", "umutwe", "inyeshyamba", "kigaidi",
    "kundi", "مرتزقة", "ikọ",
    # Hausa's members of and terror ("'yan Ansaru", "'yan ta'addar Ansaru", "kungiyar ta'addanci
    # ta Ansaru") and Kinyarwanda's rebels ("ba rebeli ya M23")
    "'yan", "ta'adda", "ta'addar", "ta'addanci", "rebeli",
    # the separatists of the Indonesian, Spanish, Italian, German and Russian press ("Kelompok
    # separatis Abu Sayyaf") and the Amharic terrorist ("አሸባሪው ህወሃት", the terrorist TPLF)
    "separatis", "separatistas", "separatisti", "separatisten", "сепаратисты", "сепаратистов", "አሸባሪው", "አሸባሪ",
)

#: Abbreviations written as one word that stand for several concepts.
EXPANSIONS: dict[str, tuple[str, ...]] = {
    "isis": ("@islamic", "@state"),
    "isil": ("@islamic", "@state"),
    "is": ("@islamic", "@state"),
    "daesh": ("@islamic", "@state"),
    "daish": ("@islamic", "@state"),
    "daech": ("@islamic", "@state"),
    "deaş": ("@islamic", "@state"),  # the Turkish press's DEAŞ
    "igil": ("@islamic", "@state"),  # ИГИЛ, the Russian ISIL
    "eiil": ("@islamic", "@state"),  # the French and Spanish EIIL (État islamique en Irak et au Levant)
    "eiis": ("@islamic", "@state"),  # and EIIS (en Irak et en Syrie)
    "иг": ("@islamic", "@state"),  # ИГ, the Russian IS ("ИГ-Хорасан")
    "داعش": ("@islamic", "@state"),
}

#: Countries: ISO 3166-1 alpha-2 code -> names, demonyms and Arabic-language forms.
PLACES: dict[str, tuple[str, ...]] = {
    "AF": ("afghanistan", "afghan", "afghani", "afganistan", "أفغانستان", "افغانستان", "afghane", "afghans", "afganistán", "афганистана", "афганістану", "אפגניסטן"),
    "DZ": ("algeria", "algerian", "algerie", "algérie", "jazair", "al-jazair", "djazair", "الجزائر", "argelia", "algérien"),
    "BH": ("bahrain", "bahraini", "البحرين"),
    "BD": ("bangladesh", "bangladeshi"),
    "BF": ("burkina faso", "burkina", "burkinabe", "burkinabè"),
    "BR": ("brazil", "brazilian", "brasil", "brasileiro", "brasileira", "brésil", "البرازيل"),
    "CM": ("cameroon", "cameroonian", "cameroun", "camerounais"),
    "CF": ("central african republic", "central african", "centrafrique", "centrafricaine", "centrafrican"),
    "TD": ("chad", "chadian", "tchad", "تشاد", "tchadien", "ciad", "tschad", "czad"),
    "CN": ("china", "chinese", "chine"),
    "CO": ("colombia", "colombian", "colombiano", "colombiana", "colombie", "colombien"),
    "CD": ("congo", "congolese", "congolais", "drc", "rdc", "kongo"),
    "EG": ("egypt", "egyptian", "misr", "masr", "egypte", "égypte", "مصر", "المصرية", "المصري", "egipto", "египет", "египта", "єгипет", "єгипту", "מצרים", "égyptien"),
    "ER": ("eritrea", "eritrean", "érythrée"),
    "ET": ("ethiopia", "ethiopian", "éthiopie", "إثيوبيا"),
    "EC": ("ecuador", "ecuadorian", "ecuatoriano", "équateur"),
    "SV": ("el salvador", "salvadoran", "salvadoreño"),
    "GT": ("guatemala",),
    "HN": ("honduras", "honduran", "hondureño"),
    "HT": ("haiti", "haitian", "haïti", "haïtien"),
    "FR": ("france", "french"),
    "IN": ("india", "indian", "hind", "الهند", "inde", "индии", "індії", "הודו", "indien"),
    "ID": ("indonesia", "indonesian", "indonésie"),
    "IR": ("iran", "iranian", "إيران", "ایران", "ирана", "иране", "ірану", "iranien"),
    "IQ": ("iraq", "iraqi", "irak", "irakien", "iraqiya", "العراق", "العراقية", "العراقي", "irakienne", "irakiens", "irakí", "irakische", "irakischen", "ирака", "ираке", "іраку", "עיראק"),
    "IE": ("ireland", "irish", "irlande", "irlanda"),
    "IL": ("israel", "israeli", "израиль", "израиля", "ізраїль", "ישראל"),
    "JO": ("jordan", "jordanian", "urdun", "الأردن", "jordanie", "jordania", "иордания", "иордании", "ירדן", "jordanien"),
    "KE": ("kenya", "kenyan"),
    "KW": ("kuwait", "kuwaiti"),
    "LB": ("lebanon", "lebanese", "lubnan", "liban", "libanais", "لبنان", "اللبنانية", "اللبناني", "libanaise", "líbano", "ливан", "ливана", "ливане", "лівану", "лівані", "לבנון"),
    "LY": ("libya", "libyan", "libye", "libyen", "ليبيا", "الليبية", "الليبي", "libyenne", "libyens", "libia", "ливия", "ливии", "лівія", "лівії"),
    "ML": ("mali", "malian", "malien", "malienne", "maliens"),
    "MR": ("mauritania", "mauritanian", "mauritanie", "موريتانيا", "mauritanien"),
    "MX": ("mexico", "mexican", "mexicano", "mexique"),
    "MA": ("morocco", "moroccan", "maroc", "maghrib", "المغرب", "marruecos"),
    "MZ": ("mozambique", "mozambican", "moçambique"),
    "MM": ("myanmar", "burma", "burmese", "birmanie"),
    "NE": ("niger", "nigerien", "nigérien"),
    "NG": ("nigeria", "nigerian", "nigéria", "nigérian", "نيجيريا", "нигерии", "ניגריה"),
    "PK": ("pakistan", "pakistani", "باكستان", "پاکستان", "пакистана", "פקיסטן", "pakistanais", "pakistanaise"),
    "PS": ("palestine", "palestinian", "filastin", "falastin", "filistin", "palästina", "palästinas", "palästinensische", "فلسطين", "الفلسطينية", "الفلسطيني", "palestina", "palestinien", "palestinienne", "палестины", "палестини", "פלסטין"),
    "PH": ("philippines", "philippine", "filipino", "filipinas", "pilipinas"),
    "RU": ("russia", "russian", "russie", "rusia", "rossiya", "россии", "rosji", "russische", "russischen", "russisches", "russland",
           "russlands", "rosyjski", "rosyjska", "rosyjskie", "russo", "russa", "russe", "ruso", "rusa",
           "российский", "российская", "российского", "російський", "російська", "російського"),
    "SA": ("saudi arabia", "saudi", "السعودية", "arabie saoudite", "arabia saudita"),
    "SO": ("somalia", "somali", "soomaaliya", "somalie", "الصومال", "الصومالية", "סומליה"),
    "SS": ("south sudan", "south sudanese", "soudan du sud", "sudán del sur", "جنوب السودان"),
    "SD": ("sudan", "sudanese", "soudan", "السودان", "السودانية", "судана", "סודן"),
    "SY": ("syria", "syrian", "suriya", "souria", "syrie", "sūriyā", "سوريا", "السورية", "السوري", "syrien", "syrienne", "syriens", "syriennes", "siria", "sirio", "sirias", "sirios", "siriano", "siriana", "suriye", "syrische", "syrischen", "syrischer", "suriah", "сирии", "сирію", "сирії", "סוריה"),
    "TN": ("tunisia", "tunisian", "tunisie", "tunis", "تونس", "tunisien"),
    "TR": ("turkey", "turkish", "turkiye", "türkiye", "تركيا", "turquie", "turquía", "turc", "turque", "турция", "турции", "туреччина", "туреччини", "טורקיה"),
    "UA": ("ukraine", "ukrainian", "ucrania", "ukraina"),
    "GB": ("united kingdom", "britain", "british"),
    "US": ("united states", "american"),
    "YE": ("yemen", "yemeni", "yaman", "al-yaman", "اليمن", "اليمنية", "йемен", "йемена", "ємен", "ємену", "תימן"),
    "UG": ("uganda", "ugandan", "ouganda"),
    "ES": ("spain", "spanish", "espagne", "españa", "espagnol", "español"),
    "PE": ("peru", "peruvian", "perú", "peruano"),
    "VE": ("venezuela", "venezuelan", "venezolano"),
    "PY": ("paraguay",),
    "LK": ("sri lanka", "sri lankan", "ceylon"),
    "LR": ("liberia", "liberian"),
    "RW": ("rwanda", "rwandan", "rwandese"),
    "MY": ("malaysia", "malaysian"),
    "TH": ("thailand", "thai", "thaïlande", "tailandia"),
    "BI": ("burundi", "burundian"),
    "TJ": ("tajikistan", "tajik"),
    "CL": ("chile", "chilean"),
    "GR": ("greece", "greek", "grèce", "grecia"),
    "SL": ("sierra leone", "sierra leonean", "serra leoa", "sierra leona"),
    "UZ": ("uzbekistan", "uzbek"),
    "AO": ("angola", "angolan"),
    "DE": ("germany", "german", "allemagne", "alemania", "deutschland"),
    "AZ": ("azerbaijan", "azerbaijani"),
    "BJ": ("benin", "beninese"),
    "BE": ("belgium", "belgian", "belgique", "bélgica"),
    "KG": ("kyrgyzstan", "kyrgyz"),
    "NP": ("nepal", "nepali", "nepalese"),
    "XK": ("kosovo", "kosovar"),
    "RS": ("serbia", "serbian"),
    "CI": ("ivory coast", "côte d'ivoire", "ivorian", "ivoirien"),
    "JP": ("japan", "japanese"),
    "TL": ("timor-leste", "east timor"),
    "IT": ("italy", "italian", "italie", "italia"),
    # Not Georgia: its one group here is named by it ("Georgian Legion", which fights in Ukraine),
    # and a country's name is no name's distinctive word.
    "AL": ("albania", "albanian"),
    "TG": ("togo", "togolese"),
    "EH": ("western sahara", "sahrawi"),
    "SG": ("singapore",),
    "BO": ("bolivia", "bolivian"),
    "SN": ("senegal", "senegalese"),
    "GW": ("guinea-bissau",),
    "GM": ("gambia", "gambian"),
    "UY": ("uruguay",),
    "NI": ("nicaragua", "nicaraguan", "nicaraguayen"),
    "KH": ("cambodia", "cambodian"),
    "DJ": ("djibouti",),
    "CG": ("congo-brazzaville",),
    "PT": ("portugal", "portuguese"),
    "CA": ("canada", "canadian"),
    "HR": ("croatia", "croatian"),
    "BA": ("bosnia", "bosnian"),
    "MK": ("north macedonia", "macedonia", "macedonian", "makedonija", "makedonska", "makedonski", "makedonskata", "македонија", "македонска", "македонски"),
}


#: Countries' adjectives in the languages group names arrive in (French, Spanish, Portuguese,
#: Italian, German, Dutch, Russian, Ukrainian, Polish, Czech, Croatian, Romanian, Hungarian, Swedish,
#: Turkish), masculine singular, separated by spaces: "Esercito Nazionale Libico" is the Libyan
#: National Army. Their other forms are met through :data:`PLACE_ENDINGS` and the stems the
#: vocabulary works out from these ("libica", "libiche": "libic"). The countries' names in those
#: languages come from the CLDR, in ``data/places.tsv`` (kind ``country``).
COUNTRY_ADJECTIVES: dict[str, str] = {
    "AF": "afghan afgano afegão afghano afghanisch afgaans афганский афганський afgański afghánský afganistanski afgan afgán afghansk afganistanlı",
    "BO": "bolivien boliviano boliviano boliviano bolivianisch boliviaans боливийский болівійський boliwijski bolivijský bolivijski bolivian bolíviai boliviansk bolivyalı",
    "CL": "chilien chileno chileno cileno chilenisch chileens чилийский чилійський chilijski chilský čileanski chilian chilei chilensk şilili",
    "EC": "équatorien ecuatoriano equatoriano ecuadoriano ecuadorianisch ecuadoraans эквадорский еквадорський ekwadorski ekvádorský ekvadorski ecuadorian ecuadori ecuadoriansk ekvadorlu",
    "GT": "guatémaltèque guatemalteco guatemalteco guatemalteco guatemaltekisch guatemalteeks гватемальский гватемальський gwatemalski guatemalský gvatemalski guatemalez guatemalai guatemalansk guatemalalı",
    "HN": "hondurien hondureño hondurenho honduregno honduranisch hondurees гондурасский гондураський honduraski honduraský honduraški honduran hondurasi honduransk honduraslı",
    "PY": "paraguayen paraguayo paraguaio paraguaiano paraguayisch paraguayaans парагвайский парагвайський paragwajski paraguayský paragvajski paraguayan paraguayi paraguayansk paraguaylı",
    "UY": "uruguayen uruguayo uruguaio uruguaiano uruguayisch uruguayaans уругвайский уругвайський urugwajski uruguayský urugvajski uruguayan uruguayi uruguayansk uruguaylı",
    "DZ": "algérien argelino argelino algerino algerisch algerijns алжирский алжирський algierski alžírský alžirski algerian algériai algerisk cezayirli",
    "AO": "angolais angoleño angolano angolano angolanisch angolees ангольский ангольський angolski angolský angolanez angolai angolansk angolalı",
    "BH": "bahreïni bareiní bareinita bahreinita bahrainisch bahreins бахрейнский бахрейнський bahrajński bahrajnský bahreinean bahreini bahreinsk bahreynli",
    "BD": "bangladais bangladesí bengalês bengalese bangladeschisch bengaals бангладешский бангладеський bangladeski bangladéšský bangladeški bangladeshian bangladesi bangladeshisk bangladeşli",
    "BF": "burkinabé burkinés burquinense burkinabè burkinisch burkinees буркинийский буркінійський burkiński burkinský burkinez",
    "BI": "burundais burundés burundiano burundese burundisch burundees бурундийский бурундійський burundyjski burundský burundez",
    "CM": "camerounais camerunés camaronês camerunese kamerunisch kameroens камерунский камерунський kameruński kamerunský kamerunski camerunez kameruni kamerunsk kamerunlu",
    "CF": "centrafricain centroafricano centro-africano centrafricano zentralafrikanisch centraal-afrikaans центральноафриканский центральноафриканський środkowoafrykański středoafrický srednjoafrički centrafrican közép-afrikai centralafrikansk",
    "TD": "tchadien chadiano chadiano ciadiano tschadisch tsjadisch чадский чадський czadyjski čadský čadski ciadian csádi tchadisk çadlı",
    "CN": "chinois chino chinês cinese chinesisch chinees китайский китайський chiński čínský kineski chinez kínai kinesisk çinli",
    "CO": "colombien colombiano colombiano colombiano kolumbianisch colombiaans колумбийский колумбійський kolumbijski kolumbijský kolumbijski columbian kolumbiai colombiansk kolombiyalı",
    "CD": "congolais congoleño congolês congolese kongolesisch congolees конголезский конголезький kongijski konžský kongoanski congolez kongói kongolesisk kongolu",
    "EG": "égyptien egipcio egípcio egiziano ägyptisch egyptisch египетский єгипетський egipski egyptský egipatski egiptean egyiptomi egyptisk mısırlı",
    "ER": "érythréen eritreo eritreu eritreo eritreisch eritrees эритрейский еритрейський erytrejski eritrejský eritrejski eritreean eritreai eritreansk eritreli",
    "ET": "éthiopien etíope etíope etiope äthiopisch ethiopisch эфиопский ефіопський etiopski etiopský etiopski etiopian etióp etiopisk etiyopyalı",
    "IN": "indien indio indiano indiano indisch indiaas индийский індійський indyjski indický indijski indian indiai indisk hintli",
    "ID": "indonésien indonesio indonésio indonesiano indonesisch indonesisch индонезийский індонезійський indonezyjski indonéský indonezijski indonezian indonéz indonesisk endonezyalı",
    "IR": "iranien iraní iraniano iraniano iranisch iraans иранский іранський irański íránský iranski iranian iráni iransk iranlı",
    "IQ": "irakien iraquí iraquiano iracheno irakisch iraaks иракский іракський iracki irácký irački irakian iraki irakisk iraklı",
    "IE": "irlandais irlandés irlandês irlandese irisch iers ирландский ірландський irlandzki irský irski irlandez ír irländsk irlandalı",
    "IL": "israélien israelí israelense israeliano israelisch israëlisch израильский ізраїльський izraelski izraelský izraelski israelian izraeli israelisk israilli",
    "JP": "japonais japonés japonês giapponese japanisch japans японский японський japoński japonský japanski japonez japán japansk japon",
    "JO": "jordanien jordano jordaniano giordano jordanisch jordaans иорданский йорданський jordański jordánský jordanski iordanian jordán jordansk ürdünlü",
    "KE": "kényan keniano queniano keniota kenianisch keniaans кенийский кенійський kenijski keňský kenijski kenyan kenyai kenyansk kenyalı",
    "LB": "libanais libanés libanês libanese libanesisch libanees ливанский ліванський libański libanonský libanonski libanez libanoni libanesisk lübnanlı",
    "LR": "libérien liberiano liberiano liberiano liberianisch liberiaans либерийский ліберійський liberyjski liberijský liberijski liberian libériai liberiansk liberyalı",
    "LY": "libyen libio líbio libico libysch libisch ливийский лівійський libijski libyjský libijski libian líbiai libysk libyalı",
    "ML": "malien maliense maliano maliano malisch malinees малийский малійський malijski malijský malijski malian mali malisk malili",
    "MR": "mauritanien mauritano mauritano mauritano mauretanisch mauritaans мавританский мавританський mauretański mauritánský mauritanski mauritan mauritániai mauretansk moritanyalı",
    "MX": "mexicain mexicano mexicano messicano mexikanisch mexicaans мексиканский мексиканський meksykański mexický meksički mexican mexikói mexikansk meksikalı",
    "MA": "marocain marroquí marroquino marocchino marokkanisch marokkaans марокканский марокканський marokański marocký marokanski marocan marokkói marockansk faslı",
    "MZ": "mozambicain mozambiqueño moçambicano mozambicano mosambikanisch mozambikaans мозамбикский мозамбіцький mozambicki mosambický mozambički mozambican mozambiki moçambikisk mozambikli",
    "MM": "birman birmano birmanês birmano birmanisch birmaans бирманский бірманський birmański barmský burmanski birman burmai burmesisk birmanyalı",
    "NE": "nigérien nigerino nigerino nigerino nigrisch nigerees нигерский нігерський nigerski nigerský nigerski nigerian nigeri nigerisk nijerli",
    "NG": "nigérian nigeriano nigeriano nigeriano nigerianisch nigeriaans нигерийский нігерійський nigeryjski nigerijský nigerijski nigerian nigériai nigeriansk nijeryalı",
    "PK": "pakistanais pakistaní paquistanês pakistano pakistanisch pakistaans пакистанский пакистанський pakistański pákistánský pakistanski pakistanez pakisztáni pakistansk pakistanlı",
    "PS": "palestinien palestino palestino palestinese palästinensisch palestijns палестинский палестинський palestyński palestinský palestinski palestinian palesztin palestinsk filistinli",
    "PE": "péruvien peruano peruano peruviano peruanisch peruaans перуанский перуанський peruwiański peruánský peruanski peruan perui peruansk perulu",
    "PH": "philippin filipino filipino filippino philippinisch filipijns филиппинский філіппінський filipiński filipínský filipinski filipinez fülöp-szigeteki filippinsk filipinli",
    "RU": "russe ruso russo russo russisch russisch русский российский російський rosyjski ruský ruski rus orosz rysk",
    "RW": "rwandais ruandés ruandês ruandese ruandisch rwandees руандийский руандійський rwandyjski rwandský ruandski ruandez ruandai rwandisk ruandalı",
    "SA": "saoudien saudí saudita saudita saudisch saoedisch саудовский саудівський saudyjski saúdský saudijski saudit szaúdi saudisk suudi",
    "SO": "somalien somalí somali somalo somalisch somalisch сомалийский сомалійський somalijski somálský somalijski somalez szomáli somalisk somalili",
    "SS": "sud-soudanais sursudanés sul-sudanês sud-sudanese südsudanesisch zuid-soedanees южносуданский південносуданський południowosudański jihosúdánský južnosudanski sud-sudanez dél-szudáni sydsudanesisk",
    "SD": "soudanais sudanés sudanês sudanese sudanesisch soedanees суданский суданський sudański súdánský sudanski sudanez szudáni sudanesisk sudanlı",
    "SY": "syrien sirio sírio siriano syrisch syrisch сирийский сирійський syryjski syrský sirijski sirian szír syrisk suriyeli",
    "TN": "tunisien tunecino tunisino tunisino tunesisch tunesisch тунисский туніський tunezyjski tuniský tuniski tunisian tunéziai tunisisk tunuslu",
    "TR": "turc turco turco turco türkisch turks турецкий турецький turecki turecký turski turc török turkisk türk",
    "UG": "ougandais ugandés ugandense ugandese ugandisch oegandees угандийский угандійський ugandyjski ugandský ugandski ugandez ugandai ugandisk ugandalı",
    "UA": "ukrainien ucraniano ucraniano ucraino ukrainisch oekraïens украинский український ukraiński ukrajinský ukrajinski ucrainean ukrán ukrainsk ukraynalı",
    "YE": "yéménite yemení iemenita yemenita jemenitisch jemenitisch йеменский єменський jemeński jemenský jemenski yemenit jemeni jemenitisk yemenli",
    "LK": "sri-lankais esrilanqués cingalês singalese srilankisch srilankaans шри-ланкийский шрі-ланкійський lankijski srílanský šrilankanski srilankez srí-lankai lankesisk srilankalı",
    "TH": "thaïlandais tailandés tailandês tailandese thailändisch thais таиландский таїландський tajski thajský tajlandski thailandez thai thailändsk taylandlı",
    "TJ": "tadjik tayiko tajique tagiko tadschikisch tadzjieks таджикский таджицький tadżycki tádžický tadžički tadjic tádzsik tadzjikisk tacik",
    "UZ": "ouzbek uzbeko usbeque uzbeko usbekisch oezbeeks узбекский узбецький uzbecki uzbecký uzbečki uzbec üzbég uzbekisk özbek",
    "SL": "sierra-léonais sierraleonés serra-leonês sierraleonese sierra-leonisch sierra-leoons сьерра-леонский сьєрра-леонський sierraleoński sierraleonský sijeraleonski sierraleonez sierra-leonei sierraleonsk",
    "VE": "vénézuélien venezolano venezuelano venezuelano venezolanisch venezolaans венесуэльский венесуельський wenezuelski venezuelský venezuelanski venezuelean venezuelai venezuelansk venezuelalı",
    "HT": "haïtien haitiano haitiano haitiano haitianisch haïtiaans гаитянский гаїтянський haitański haitský haićanski haitian haiti haitisk haitili",
    "BR": "brésilien brasileño brasileiro brasiliano brasilianisch braziliaans бразильский бразильський brazylijski brazilský brazilski brazilian brazil brasiliansk brezilyalı",
    "GR": "grec griego grego greco griechisch grieks греческий грецький grecki řecký grčki grec görög grekisk yunan",
    "DE": "allemand alemán alemão tedesco deutsch duits немецкий німецький niemiecki německý njemački german német tysk alman",
    "FR": "français francés francês francese französisch frans французский французький francuski francouzský francuski francez francia fransk fransız",
    "IT": "italien italiano italiano italiano italienisch italiaans итальянский італійський włoski italský talijanski italian olasz italiensk italyan",
    "ES": "espagnol espanhol spagnolo spanisch spaans испанский іспанський hiszpański španělský španjolski spaniol spanyol spansk ispanyol",
    "GB": "britannique británico britânico britannico britisch brits британский британський brytyjski britský britanski britanic brit brittisk britanyalı",
    "US": "américain estadounidense estadunidense statunitense amerikanisch amerikaans американский американський amerykański americký američki american amerikai amerikansk amerikan",
    "SV": "salvadorien salvadoreño salvadorenho salvadoregno salvadorianisch salvadoraans сальвадорский сальвадорський salwadorski salvadorský salvadorski salvadorian salvadori salvadoransk",
    "CI": "ivoirien marfileño marfinense ivoriano ivorisch ivoriaans ивуарийский івуарійський iworyjski",
    "AZ": "azerbaïdjanais azerbaiyano azerbaijano azero aserbaidschanisch azerbeidzjaans азербайджанский азербайджанський azerski ázerbájdžánský azerbajdžanski azer azerbajdzsáni azerbajdzjansk azerbaycanlı",
    "NI": "nicaraguayen nicaragüense nicaraguense nicaraguense nicaraguanisch nicaraguaans никарагуанский нікарагуанський nikaraguański nikaragujský nikaragvanski nicaraguan nicaraguai nicaraguansk nikaragualı",
    "EH": "sahraoui saharaui sarauí saharawi sahrauisch",
}

#: Endings a country's name or adjective takes in the languages names arrive in: the French and
#: Spanish feminine and plural ("libanaises", "libaneses"), the Italian and Portuguese ones
#: ("libica", "libici", "libiche"), German adjectives ("irakische"), Slavic ones (Polish
#: "libańskie", Russian "иракская", "иракского", Czech "libyjské", Swedish "libysk"), the Romanian
#: article ("libanezul"), the Turkish "-li" ("Suriyeli"), and the Arabic nisba, masculine and
#: feminine ("البحريني", "البحرينية", keyed "bhryny", "bhrynya"; "al-Iraqiya").
PLACE_ENDINGS = (
    "es", "s", "e", "en", "er", "esi", "ese", "esa", "esas", "eses", "ische", "ischen", "ischer", "isches",
    "ski", "ska", "skie", "skiego", "skich", "skiej", "y", "ya",
    "skaia", "skoe", "skogo", "skoi", "skikh", "skuiu", "skim", "skomu", "skoho", "skoyi", "skih", "skog",
    "ske", "sky", "skeho", "skych", "sk",
)
#: Endings met only on the words of :data:`COUNTRY_ADJECTIVES` and the CLDR's names (their stems):
#: a vowel or two away, a word of the older list is often a name ("Española", a battalion's).
STEM_ENDINGS = ("o", "a", "i", "os", "as", "he", "ne", "ul", "li")
#: The least length of a country's word less its ending.
PLACE_STEM_MIN = 4


# The package's own data file, read from beside this module: importlib.resources would add
# its imports to every lookup's start.
_PLACES_FILE = Path(__file__).resolve().parent.parent / "data" / "places.tsv"
# The glossary's words by language, beside :data:`HEADS` and :data:`TRANSLATIONS`.
_GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "data" / "glossary.tsv"
_GIVEN_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "given_names.txt"
# What the vocabularies and the places list are worked out from.
_SOURCES = (Path(__file__).resolve(), Path(normalize.__file__).resolve(), _PLACES_FILE, _GLOSSARY_FILE)


def glossary_file() -> dict[str, tuple[str, ...]]:
    """The words of ``data/glossary.tsv`` by concept, in the file's order.

    Each line is ``concept<TAB>language<TAB>word``: a word of one token that the languages write in
    the names of parties, armies and movements, a concept of :data:`HEADS` or :data:`TRANSLATIONS`
    each. Each is read after the tables' words of its kind (head words, then the others); no word
    of the file is the tables' word, nor another concept's, nor a place (a test keeps it so).
    """
    found: dict[str, list[str]] = {}
    for line in _GLOSSARY_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            concept, _language, word = line.split("\t")
            found.setdefault(concept, []).append(word)
    return {concept: tuple(words) for concept, words in found.items()}


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The vocabularies keyed by normalized word."""

    heads: dict[str, str]
    concepts: dict[str, str]
    expansions: dict[str, tuple[str, ...]]
    places: dict[str, str]
    place_phrases: dict[tuple[str, ...], str]
    stopwords: frozenset[str]
    #: A country's name or adjective less one of :data:`PLACE_ENDINGS` -> the country, where only
    #: one country's words have that stem and it is no glossary word.
    place_stems: dict[str, str]
    #: :attr:`place_phrases` by their first word, in the same order: the words a place of several
    #: words can start with, and which places.
    phrases_by_start: dict[str, tuple[tuple[str, ...], ...]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        by_start: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.place_phrases:
            by_start.setdefault(phrase[0], []).append(phrase)
        object.__setattr__(self, "phrases_by_start", {k: tuple(v) for k, v in by_start.items()})


def _digraph_letter(word: str) -> bool:
    """Whether a word holds a letter the normalizer reads as two (:data:`normalize.DIGRAPH_LETTERS`) or a dž."""
    return "dž" in word.casefold() or any(c in normalize.DIGRAPH_LETTERS for c in word)


def _typed_plain(word: str) -> str:
    """A word as typed without its diacritics ("Džabhat" as "Dzabhat")."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii") or word


def _key_tokens(word: str) -> list[str]:
    return normalize.key(word).split()


@cache
def vocabulary() -> Vocabulary:
    """The keyed vocabularies (built once, then kept in the cache folder: see :mod:`.kept`)."""
    from .kept import kept

    return Vocabulary(*kept("vocabulary", _build_vocabulary, _SOURCES))


def _build_vocabulary() -> tuple[Any, ...]:
    heads: dict[str, str] = {}
    concepts: dict[str, str] = {}
    more = glossary_file()
    head_words = [*HEADS.items(), *((c, w) for c, w in more.items() if c in HEADS)]
    concept_words = [*TRANSLATIONS.items(), *((c, w) for c, w in more.items() if c not in HEADS)]
    for concept, words in head_words:
        for w in words:
            for tok in _key_tokens(w)[-1:]:
                heads.setdefault(tok, concept)
    for concept, words in concept_words:
        for w in words:
            toks = _key_tokens(w)
            if len(toks) == 1 and toks[0] not in heads:
                concepts.setdefault(toks[0], concept)
    # A word written with a letter that stands for two ("š" for sh, "dž" for j) is typed without
    # it as often: "Dzabhat" is "Džabhat", where no other word is so keyed.
    for table, listed in ((heads, head_words), (concepts, concept_words)):
        for concept, words in listed:
            for w in words:
                toks = _key_tokens(_typed_plain(w)) if _digraph_letter(w) else []
                if len(toks) == 1 and toks[0] not in heads and toks[0] not in concepts:
                    table[toks[0]] = concept
    expansions: dict[str, tuple[str, ...]] = {}
    for word, parts in EXPANSIONS.items():
        for tok in _key_tokens(word):
            expansions[tok] = parts
    words = (*STOPWORDS, *DESCRIPTORS)
    stop = frozenset(t for w in words for t in _key_tokens(w)) | frozenset(words)
    # The tables' own words, not the file's: a country's name that ends in one of the file's words
    # ("Sudan Selatan", South Sudan) stays a place.
    tables = {t for ws in HEADS.values() for w in ws for t in _key_tokens(w)[-1:]}
    tables |= {toks[0] for ws in TRANSLATIONS.values() for w in ws if len(toks := _key_tokens(w)) == 1}
    glossary = tables | expansions.keys() | stop
    places: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}

    from_tables: dict[str, str] = {}  # the CLDR's and COUNTRY_ADJECTIVES' one-word names

    def add(code: str, name: str, *, listed: bool, keyed: str = "") -> None:
        parts = tuple(keyed.split() if keyed else _key_tokens(name))
        # A name from the CLDR or an adjective that is a glossary word stays that word.
        if not listed and (not parts or parts[-1] in glossary):
            return
        if len(parts) == 1:
            places.setdefault(parts[0], code)
            if not listed:
                from_tables.setdefault(parts[0], code)
        elif parts:
            phrases.setdefault(parts, code)

    for code, names in PLACES.items():
        for name in names:
            add(code, name, listed=True)
    # Only the countries the glossary lists: one that names a group is not a place (Georgia).
    for code, name, keyed in _countries_listed():
        if code in PLACES:
            add(code, name, listed=False, keyed=keyed)
    for code, words_of in COUNTRY_ADJECTIVES.items():
        for adjective in words_of.split():
            add(code, adjective, listed=False)
    return (heads, concepts, expansions, places, phrases, stop, _stems(places, from_tables, glossary))


def _countries_listed() -> list[tuple[str, str, str]]:
    """The countries' names in ``data/places.tsv`` (kind ``country``): (code, name, its key, which
    the file holds keyed by the current normalizer: a test keeps it so)."""
    out = []
    for line in _PLACES_FILE.read_text(encoding="utf-8").splitlines():
        if "\tcountry\t" in line:
            keyed, _, code, name = line.split("\t")
            out.append((code, name, keyed))
    return out


def _stems(
    places: dict[str, str], adjectives: dict[str, str], glossary: AbstractSet[str]
) -> dict[str, str]:
    """The words of :data:`COUNTRY_ADJECTIVES` and the CLDR's names, and each of them less one of
    :data:`PLACE_ENDINGS` or :data:`STEM_ENDINGS`, where that stem is one country's only."""
    stems: dict[str, set[str]] = {}
    for word, code in adjectives.items():
        stems.setdefault(word, set()).add(code)
        for ending in (*PLACE_ENDINGS, *STEM_ENDINGS):
            if word.endswith(ending) and len(word) - len(ending) >= PLACE_STEM_MIN:
                stems.setdefault(word[: -len(ending)], set()).add(code)
    return {
        stem: next(iter(codes))
        for stem, codes in stems.items()
        if len(codes) == 1 and stem not in glossary and places.get(stem, next(iter(codes))) in codes
    }


#: Peoples that live in several countries, whose name the press writes beside a group's as it
#: writes a country's ("Kurdish YPG", "وحدات حماية الشعب الكردية", "YPG kurdes", "Tuareg MNLA"): the
#: countries they live in; the people's name and adjective as languages write them; and the words
#: that mark a group's name as the people's: its land, words of its language that names of its
#: groups are written with. Each part is separated by spaces. Such a word beside a name only
#: narrows it, as a country of the entity's does, and only an entity one of whose names carries
#: the people's name or a mark of it (the YPG's "Yekîneyên Parastina Gel"): "Hezbollah (Druze)" is
#: not Lebanon's Hezbollah. It is no place of a name's own: the "Kurdistan Workers' Party" is not
#: every "Workers' Party".
PEOPLES: tuple[tuple[str, str, str], ...] = (
    (
        "IQ SY TR IR",
        "kurdish kurd kurds kurde kurdes kurdo kurda kurdos kurdas curdo curda curdos curdas curdi curde "
        "kurdisch kurdische kurdischen kurdischer kurdisches koerdisch koerdische kurdisk kurdiska kurdyjski "
        "kurdyjskie kurdyjska kurdyjskich kurdský kurdské kurdských kürt kurdî курдский курдские курдская "
        "курдских курдское курды курдов курдські курдський курдська الكردية الكردي الكرد الأكراد كردية كردي کرد کردی",
        "kurdistan kurdistanê kurdistani kurdistanî kurdustan كردستان کوردستان کردستان yekîneyên hêzên parastina "
        "partiya rizgariya artêşa berxwedana karkerên civaka",
    ),
    (
        "PK IR AF",
        "baloch balochs baluch baluchs balochi baluchi balouche balouches baloutche baloutches baluche baluches "
        "belutschisch beludżyjski белуджский белуджские белуджи البلوش البلوشية البلوشي بلوچ بلوچی",
        "balochistan baluchistan baloutchistan baluchistão belutschistan بلوچستان بلوشستان",
    ),
    (
        "AF PK",
        "pashtun pashtuns pakhtun pakhtuns pukhtun pathan pathans pachtoune pachtounes pashtún pastún pashtunes "
        "pastunes paschtunisch paschtunische пуштунский пуштуны пуштунов البشتون البشتونية پښتون پشتون",
        "pashtunistan pakhtunkhwa",
    ),
    (
        "ML NE DZ LY BF",
        "tuareg tuaregs touareg touaregs touarègue touarègues tuaregue tuaregues tuareghi tuaregowie туареги "
        "туарегов туарегские الطوارق الطوارقية الطارقي الطارقية",
        "azawad azawd أزواد tankra tumast imghad",
    ),
    (
        "NG ML BF NE CM SN GN CF TD MR",
        "fulani fulanis fula fulbe peul peuls peulh peulhs الفولاني الفولانية الفلاني الفلانية",
        "",
    ),
    (
        "CN",
        "uyghur uyghurs uighur uighurs uygur uygurs ouïghour ouïghours ouighour ouighours uigur uigures uiguren "
        "uigurisch uigurische ujgurski уйгурский уйгурские уйгуры уйгуров الأويغور الإيغور الأويغورية الإيغورية ئۇيغۇر",
        "turkistan turkestan türkistan turkistani التركستاني تۈركىستان",
    ),
    ("AF PK", "hazara hazaras hazarah الهزارة الهزاره هزاره", "hazarajat"),
    (
        "IQ SY",
        "turkmen turkmens turkoman turkomans turcoman turcomans turkmène turkmènes turcomano turcomanos turcomana "
        "turkmenisch turkmenische туркоманский туркоманы التركمان التركمانية التركماني",
        "turkmeneli",
    ),
    ("SY LB IL", "druze druzes druse druso drusos drusa druzo druzos drusisch drusische друзы друзский الدروز الدرزية الدرزي", ""),
    (
        "IQ SY",
        "assyrian assyrians assyrien assyriens assyrienne assírio assiro assyrisch assyrische ассирийский ассирийцы "
        "الآشورية الآشوري الآشوريين الآشوريون",
        "",
    ),
    (
        "IQ SY",
        "yazidi yazidis yezidi yezidis ezidi ezidis êzidî yézidi yézidis yazidí jesidisch jesidische езиды езидский "
        "الإيزيدية الإيزيدي الأيزيدية الأيزيدي الايزيدية الإيزيديين",
        "sinjar shingal şengal şengalê ezidxan êzîdxan",
    ),
    ("MM BD", "rohingya rohingyas rohinyá الروهينغا الروهنغيا рохинджа", ""),
    ("ET KE", "oromo oromos الأورومو", "oromia oromiya oromoo waraana bilisummaa"),
    ("RW BI CD", "hutu hutus", ""),
    ("RW BI CD", "tutsi tutsis", ""),
    ("SS ET", "nuer nuers", ""),
    (
        "DZ MA LY ML NE TN",
        "amazigh imazighen berber berbers berbère berbères bereber bereberes berbero berberi الأمازيغ الأمازيغية "
        "الأمازيغي البربر البربرية",
        "kabylie kabylia tamazgha",
    ),
    ("LY TD NE", "toubou tubu teda tebu التبو", ""),
    ("SD TD", "zaghawa الزغاوة", ""),
    ("SD TD", "masalit massalit المساليت", ""),
)


@cache
def _peoples() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[int]], tuple[frozenset[str], ...]]:
    """The keyed tables of :data:`PEOPLES` (built once, then kept in the cache folder: see :mod:`.kept`)."""
    from .kept import kept

    return kept("peoples", _build_peoples, _SOURCES)


def _build_peoples() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[int]], tuple[frozenset[str], ...]]:
    countries: dict[str, frozenset[str]] = {}
    which: dict[str, frozenset[int]] = {}
    marks: list[frozenset[str]] = []
    for n, (codes, words, marked) in enumerate(PEOPLES):
        here = frozenset(codes.split())
        names = {k for k in (normalize.key(w) for w in words.split()) if k and " " not in k}
        for key in names:
            countries[key] = countries.get(key, frozenset()) | here
            which[key] = which.get(key, frozenset()) | {n}
        marks.append(frozenset(names | {k for w in marked.split() for k in normalize.key(w).split()}))
    return countries, which, tuple(marks)


def people_countries() -> dict[str, frozenset[str]]:
    """Each keyed name or adjective of a people of :data:`PEOPLES` -> the countries it lives in."""
    return _peoples()[0]


def people_marks(key: str) -> frozenset[str]:
    """The keyed words that mark a name as that of a group of the people ``key`` names
    (:data:`PEOPLES`): its names, its land's, words of its language; empty when ``key`` is no people."""
    _, which, marks = _peoples()
    return frozenset().union(*(marks[n] for n in which.get(key, ())))


@cache
def given_names(arabic: bool = False) -> frozenset[str]:
    """People's given names (``data/given_names.txt``), keyed: "Omar", "Carolina"; with ``arabic``,
    those written in Arabic script ("محمد"), whose keys have no short vowels and so are kept apart
    (the Latin "Kada" is no word of "القاعدة").

    Written by ``tools/make_given_names.py``, keyed by the normalizer in its header, which a test
    keeps current; read once and kept in the cache folder. Names that are words of the glossary or
    places are left out ("Victoria", "Aceh").
    """
    from .kept import kept

    found = kept("given", _build_given_names, (_GIVEN_NAMES_FILE, *_SOURCES))
    return frozenset(found[1] if arabic else found[0])


def _build_given_names() -> tuple[list[str], list[str]]:
    vocab = vocabulary()
    # Not a word of the glossary, a country's or a place's name ("Aceh" is a province first).
    words = vocab.heads.keys() | vocab.concepts.keys() | vocab.places.keys() | vocab.stopwords | gazetteer().keys()
    latin: set[str] = set()
    arabic: set[str] = set()
    for line in _GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line and line[0] != "#":
            key, _, name = line.partition("\t")
            # Latin keys of four letters at least ("Ace" keys as Aceh does); Arabic script's have
            # no short vowels ("عمر", "amr").
            in_arabic = normalize.script_of(name) == "Arabic"
            if len(key) >= (3 if in_arabic else 4) and " " not in key and key not in words:
                (arabic if in_arabic else latin).add(key)
    return sorted(latin), sorted(arabic)


@cache
def gazetteer() -> dict[str, frozenset[str]]:
    """Normalized names of cities and regions (``data/places.tsv``, not its countries) -> the countries they are in.

    Written by ``tools/make_places.py`` from GeoNames and ISO 3166-2; its keys come
    from the normalizer version in its header, which a test keeps current. One name
    may be a place in several countries (Tripoli, Gaza).
    """
    from .kept import kept

    return kept("places", _build_gazetteer, _SOURCES)


def _build_gazetteer() -> dict[str, frozenset[str]]:
    text = _PLACES_FILE.read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    one: dict[str, frozenset[str]] = {}  # one set per country, shared by its places
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        key, _, rest = line.partition("\t")
        kind, code, _ = rest.split("\t", 2)
        if kind == "country":
            continue  # a country's names are the vocabulary's places, spelled as they are
        codes = one.get(code)
        if codes is None:
            codes = one[code] = frozenset((code,))
        known = out.get(key)
        out[key] = codes if known is None else known | codes
    return out


@cache
def _places_by_country() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for key, codes in gazetteer().items():
        if " " not in key:
            for code in codes:
                out.setdefault(code, []).append(key)
    return {code: tuple(keys) for code, keys in out.items()}


@cache
def _outlines_by_country() -> dict[str, dict[str, tuple[str, ...]]]:
    return {}


def places_by_outline(code: str) -> dict[str, tuple[str, ...]]:
    """Consonant outline -> one country's one-word place names that have it (built per country on first use)."""
    cached = _outlines_by_country()
    if code not in cached:
        table: dict[str, list[str]] = {}
        for key in _places_by_country().get(code, ()):
            table.setdefault(normalize.key_skeleton(key), []).append(key)
        cached[code] = {k: tuple(v) for k, v in table.items()}
    return cached[code]


def heads_pair(a: str, b: str) -> bool:
    """Whether two head-word concepts are one kind of body."""
    if a == b:
        return True
    fa, _, ka = a.partition(":")
    fb, _, kb = b.partition(":")
    return bool(ka and kb) and fa == fb and "*" in (ka, kb)


__all__ = ["COUNTRY_ADJECTIVES", "DESCRIPTORS", "EXPANSIONS", "HEADS", "PLACES", "PLACE_ENDINGS", "PLACE_STEM_MIN", "STEM_ENDINGS", "STOPWORDS", "TRANSLATIONS", "Vocabulary", "gazetteer", "heads_pair", "places_by_outline", "vocabulary"]
