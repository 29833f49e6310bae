"""Measure the resolver honestly on the shipped registry.

    python benchmarks/accuracy.py [--registry PATH] [--show-wrong] [--ablation]

1. Leave one alias out: for every alias and display name of every entity,
   remove it from the index, resolve it, and count whether the answer is the
   right entity, a wrong entity, or an abstention (ambiguous / unresolved).
   Shared aliases (whose right answer is "ambiguous") and acronyms (which
   match only exactly, by design) are left out of this count.
2. Look-alike negatives: real names that are not groups in the registry
   (places, media outlets, people, other groups) must come back unresolved or
   ambiguous; a match is a false positive.

3. Qualified forms: each entity's name as people write it in spreadsheets,
   built by rule from the registry: with its acronym in brackets, its country
   in brackets, a country adjective before it, "in <country>" after it, and
   in capitals with spaced hyphens, and its acronym followed by its country
   ("AQIM Mali"). Each must resolve to its entity (or be ambiguous when the
   registry itself cannot tell); the name, or the acronym, with a country the
   entity is not in must not resolve to it.
4. Other presses' spellings: each transliteration respelled by rule as the
   French, German, Spanish, Indonesian, Russian, Czech and Dutch presses write the Arabic
   sounds, as the Persian press writes them in English, and as the Arabic chat alphabet
   writes them with digits (:data:`PRESSES`); each
   must still resolve to its entity.
5. With --ablation, the leave-one-out run again with each feature of the word
   stage switched off, so that each one's gain and its cost in wrong answers
   show apart.

A wrong entity is far worse than an abstention: the target is under 1 %.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aliasctl import Resolver, load_registry
from aliasctl.matching.alignment import FEATURES
from aliasctl.matching.index import Index, Table
from aliasctl.matching.words import PLACES
from aliasctl.normalize import key, script_of

NEGATIVES = [
    # places
    "Diwaniyah", "Baghdad", "Homs", "Hama", "Mosul", "Raqqa", "Idlib", "Gaza", "Sanaa", "Aden",
    "Tripoli", "Benghazi", "Derna", "Sirte", "Kabul", "Kandahar", "Peshawar", "Quetta", "Mogadishu",
    "Maiduguri", "Timbuktu", "Gao", "Kidal", "Mopti", "Cabo Delgado", "Marawi", "Jolo", "Basra",
    "Karbala", "Najaf", "Samarra", "Fallujah", "Ramadi", "Tikrit", "Kirkuk", "Erbil", "Sulaymaniyah",
    "Hasakah", "Deir ez-Zor", "Aleppo", "Daraa", "Latakia", "Tartus", "Beirut", "Sidon", "Tyre",
    "Hebron", "Jenin", "Nablus", "Rafah", "Khan Younis", "Hodeidah", "Marib", "Taiz", "Mukalla",
    "Jurf al-Sakhar", "Ain al-Asad", "Camp Taji", "Balad Air Base", "Abu Ghraib", "Sadr City",
    "Anbar", "Diyala", "Nineveh", "Salahuddin", "Babil", "Dhi Qar", "Samawah", "Nasiriyah",
    # media outlets
    "Al Mayadeen", "Al Jazeera", "Al Arabiya", "Al Manar", "Sabereen News", "Fars News",
    "Tasnim News", "Shafaq News", "Rudaw", "Kurdistan 24", "Al Sumaria", "Baghdad Today",
    # people
    "Abu Mahdi al-Muhandis", "Qasem Soleimani", "Muqtada al-Sadr", "Hassan Nasrallah",
    "Abu Bakr al-Baghdadi", "Ayman al-Zawahiri", "Osama bin Laden", "Abu Musab al-Zarqawi",
    "Qais al-Khazali", "Hadi al-Amiri", "Akram al-Kaabi", "Abu Mohammad al-Julani",
    "Abdul Malik al-Houthi", "Ismail Haniyeh", "Yahya Sinwar", "Mohammed Deif", "Abubakar Shekau",
    "Iyad Ag Ghaly", "Mokhtar Belmokhtar", "Amadou Koufa", "Faleh al-Fayyadh", "Nouri al-Maliki",
    "Nasrallah", "Nasrullah", "Talabani", "Jalal Talabani", "Barzani", "Sadr", "Hakim", "Sistani",
    "Abdullah Azzam", "عبد الله عزام",
    # a city written as one word, as glued names are
    "Lashkargah",
    # groups the registry does not hold, named like ones it does
    "Ajnad al-Sham", "Liwa al-Tawhid", "Jaysh al-Umma", "Ahfad al-Rasul Brigades", "Sabiqun",
    "Mai-Mai Simba", "Mai-Mai Malaika", "Mai-Mai Biloze Bishambuke", "Mai-Mai Zaïre", "Maï-Maï Apa Na Pale",
    "Liwa Suqour al-Jabal", "Harakat Nour al-Din", "Jaish al-Nasr", "Jabhat Thuwar Suriya",
    # militants of a region of a group's country, named by it: not the group
    "Punjabi Taliban", "پنجابی طالبان",
    # unions and leagues in Chinese (联盟 is read as union and league too): the National League
    # for Democracy, the African Union, the European Union, the Arab League
    "全国民主联盟", "非洲联盟", "欧洲联盟", "阿拉伯国家联盟",
    # the Lebanese Army in Chinese and Japanese (军 is not read as forces: the Lebanese Forces)
    "黎巴嫩军", "レバノン軍",
    # English words in katakana that end in a long a (read again with an -er): center, leader
    "センター", "リーダー",
    # the TMVP (a split of the LTTE) in English; MARA Patani, the Patani dialogue body
    "Tamil Peoples Liberation Tigers", "MARA Patani",
    # India's parties in Japanese and Korean (インド and 인도 are read as India): the BJP, the
    # Indian National Congress
    "インド人民党", "インド国民会議", "인도 국민회의",
    # institutions and generic words
    "Iraqi Army", "Counter Terrorism Service", "Federal Police", "Ministry of Defense",
    "United Nations", "Red Crescent", "Kurdistan Regional Government", "Coalition Forces",
    "Unknown gunmen", "Tribal fighters", "Militants", "Insurgents",
    # short words whose consonant outline is two letters
    "Jeanne", "Jeune", "June", "Jean",
    # more places, inside and outside the regions the registry covers
    "Tripoli", "Marawi", "Jenin", "Sinai", "Borno", "Sahel", "Kashmir", "Balochistan", "Waziristan",
    "Khyber Pakhtunkhwa", "Helmand", "Kunar", "Nangarhar", "Darfur", "Kordofan", "Tigray", "Amhara",
    "Oromia", "Goma", "Bunia", "Beni", "Ituri", "Kivu", "Rakhine", "Shan State", "Kachin State",
    "Mindanao", "Sulu", "Basilan", "Manipur", "Assam", "Nagaland", "Bogota", "Medellin", "Cauca",
    "Catatumbo", "Culiacan", "Sinaloa", "Michoacan", "Belfast", "Derry", "Bilbao", "Donetsk",
    "Luhansk", "Bakhmut", "Khartoum", "Omdurman", "El Fasher", "Port Sudan", "Zawiya", "Misrata",
    "Ajdabiya", "Sabha", "Menaka", "Djibo", "Diffa", "Tillaberi", "Kousseri", "Afrin", "Manbij",
    "Kobani", "Qamishli", "Tal Afar", "Sinjar", "Hawija", "Jalawla", "Baiji", "Haditha",
    # more people
    "Abu Ibrahim al-Hashimi al-Qurashi", "Hamza bin Laden", "Anwar al-Awlaki", "Saif al-Adel",
    "Ahmed al-Sharaa", "Mohammed Dahlan", "Marwan Barghouti", "Khalifa Haftar", "Abdelhakim Belhadj",
    "Mohamed Hamdan Dagalo", "Abdel Fattah al-Burhan", "Yevgeny Prigozhin", "Dmitry Utkin",
    "Abdullah Ocalan", "Murat Karayilan", "Mazloum Abdi", "Ahmad Shah Massoud", "Gulbuddin Hekmatyar",
    "Sirajuddin Haqqani", "Mullah Omar", "Hibatullah Akhundzada", "Hafiz Saeed", "Masood Azhar",
    "Baitullah Mehsud", "Noor Wali Mehsud", "Abu Bakar Bashir", "Isnilon Hapilon", "Ahmad Shekau",
    "Abu Musab al-Barnawi", "Ali Khamenei", "Esmail Qaani", "Ibrahim Raisi", "Abu Fadak al-Mohammadawi",
    # media outlets and propaganda labels
    "Amaq News Agency", "Al-Naba", "Dabiq", "Rumiyah", "Inspire", "As-Sahab", "Al-Hayat Media Center",
    "Al-Kataib Media", "Press TV", "Al-Masirah", "Saba News Agency", "Anadolu Agency", "ANF News",
    "Hawar News", "North Press Agency", "Enab Baladi", "Step News", "Orient News", "SANA",
    # political parties and institutions that are not armed groups
    "Dawa Party", "Sadrist Movement", "Kurdistan Democratic Party", "Patriotic Union of Kurdistan",
    "Muslim Brotherhood", "Ennahda", "Justice and Development Party", "Peoples' Democratic Party",
    "Sinn Fein", "Democratic Unionist Party", "Pakistan Tehreek-e-Insaf", "Jamiat Ulema-e-Islam",
    "National Unity Government", "Transitional Military Council", "African Union", "ECOWAS",
    "Iraqi Security Forces", "Syrian Arab Army", "Afghan National Army", "Nigerian Army",
    "Malian Armed Forces", "Israel Defense Forces", "Lebanese Armed Forces", "Border Guard Police",
    # generic phrases
    "Islamic Resistance", "Mujahideen Youth", "Liberation Movement", "Armed Group", "Armed Men",
    "Unknown Armed Group", "Gunmen", "Popular Resistance", "Islamic Army", "National Army",
    "Revolutionary Brigades", "Martyrs Brigade", "Jihadists", "Rebels", "Islamists", "Tribesmen",
    "Militia", "Self-Defense Group", "Local Militia", "Bandits", "Pirates", "Kidnappers",
    "Security Forces", "Police", "Soldiers", "Army of the Nation", "Popular Army", "Liberation Army",
    "Islamic Movement", "Islamic Front", "National Front", "Resistance Front", "Jihad Group",
    # one common word, and common words a glossary translates
    "Dawn", "Brotherhood", "Victory", "Justice", "Peace", "Freedom", "Homeland", "The Promise",
    "Democratic Forces", "Allied Forces", "Tribal Forces", "Irish Army", "Kurdish Front",
    # head words one body wears in turn (division and brigade, cartel and organization, militia)
    "Shia Militia", "Sunni Militia", "Tribal Militia", "Christian Militia", "Druze Militia",
    "Iraqi Militia", "Kurdish Militia", "Islamic Division", "Martyrs Division", "First Division",
    "Drug Cartel", "Mexican Cartel", "Cartel", "Criminal Organization", "PMC",
    "Private Military Company", "Military Operation", "Operation Dawn", "Operation Decisive Storm",
    # a country's army or forces, described
    "Syrian Army", "Iraqi Army", "Lebanese Army", "Libyan Army", "Yemeni Army", "Somali Army",
    "Afghan Army", "Pakistan Army", "Sudan Army", "Kurdish Forces", "Syrian Forces", "Iraqi Forces",
    "Russian Forces", "Turkish Forces", "Israeli Forces", "Malian Army", "Nigeria Army",
    "Mali Battalion", "Iraq Brigade", "Syria Division", "Gaza Brigade", "Lebanon Front",
    # words the glossary now translates (league, uprising, cells, glory, transitional, numbers)
    "Arab League", "Muslim League", "Awami League", "Anti-Defamation League", "Second Intifada",
    "First Intifada", "Sleeper Cells", "Terror Cells", "Transitional Council", "Transitional Government",
    "Glory", "Third Division", "Combat Brigade", "Land of the Two Rivers",
    "International Crisis Group", "Syriac Orthodox Church", "The Giants", "Cedar Revolution",
    "Holy Shrines", "Regular Army", "Unification Church", "International Brigade", "Whirlwind",
    # institutions and parties whose initials are, or are near, a registry group's abbreviation
    "Nigerian Defence Academy", "Kashmir Liberation Front", "Sudan Defence Force",
    "Uganda People's Defence Force", "Somali National Army", "Pakistan Air Force",
    "Philippine National Police", "Iraqi National Congress", "Syrian National Council",
    "Afghan National Police", "Nigeria Police Force", "Lebanese Communist Party",
    "Syrian Social Nationalist Party", "Palestine Liberation Organization", "Tamil National Alliance",
    "Bangladesh Nationalist Party", "Awami National Party", "Pakistan Peoples Party",
    "Indian National Congress",
    # a group, a network, an organization: described, not named
    "Criminal Network", "Smuggling Network", "Terrorist Network", "Tribal Organization", "Islamic Network",
    # the groups that split from one, described by it
    "FARC dissidents", "ELN dissidents", "Hamas splinter",
    # security forces, places and words in the scripts and romanizations the normalizer now reads
    "भारतीय सेना", "सीमा सुरक्षा बल", "दिल्ली पुलिस", "केंद्रीय रिज़र्व पुलिस बल", "पंजाब पुलिस",
    "የኢትዮጵያ ብሔራዊ መከላከያ ሠራዊት", "አዲስ አበባ", "ትግራይ", "ⵜⴰⵎⴰⵣⵖⴰ", "ⴰⵎⴰⵣⵉⵖ", "Tur Abdin", "Tal Afar",
    "Ahl al-Hadith", "Usman Brigade", "Deir Ezzor", "National Police Force", "Border Police",
    "Chaman", "Chinese Army", "Chabahar Port", "Kachin State", "Chechen Police", "Charia", "Cheikh",
    "Bundeswehr-Soldaten", "les militaires maliens", "Armée malienne", "Forces armées burkinabè",
    # two bodies side by side that no relation makes one the other's part
    "Hamas Hezbollah", "Taliban ISIS", "al-Qaeda ISIS", "Hezbollah Israel", "Houthis Saudi Arabia",
    "PKK Turkey Army",
    # institutions written with a spreadsheet's abbreviations, and in German
    "Intl Crisis Group", "Natl Security Council", "Org of Islamic Cooperation", "Islamischer Zentralrat",
    "Bundespolizei", "Natl Guard Bde",
    # hashtags and handles, now read word by word
    "@HamasInfo", "#IraqNews", "AlJazeeraEnglish", "#FreePalestine", "#StandWithUkraine",
    # Russian names of state bodies and places, now read with h for х
    "Министерство обороны России", "Хабаровск", "Росгвардия", "ФСБ", "Вооружённые силы Украины",
    # state forces and generic words in the Spanish and French press
    "l'armée syrienne", "l'armée irakienne", "el Ejército de Colombia", "Policía Nacional de Colombia",
    "les forces turques", "el Ejército de Liberación", "los rebeldes sirios",
    # the hisba (a religious police), Turkish forces and places, written with ş
    "Hisbah", "Kano Hisbah Board", "Türk Silahlı Kuvvetleri", "Şırnak",
    # armies, police, parties, media, people and other groups that look like registry groups, as
    # the French, Spanish, Portuguese, Italian, Turkish, Russian, Tagalog and South Asian press
    # write them (the new glossary words, Brahmic scripts, places and common words)
    "Dan Na Antem", "Brigade de veille et de défense patriotique", "SPLA-Nasir",
    "Force de Défense Nationale du Burundi", "Front des patriotes pour la paix",
    "Union des forces patriotiques du Congo", "Radio Biafra", "katibate Tarek Ibn Ziad",
    "Forces armées centrafricaines", "Brigade d’intervention rapide",
    "Force de défense nationale éthiopienne", "Unités spéciales mixtes de sécurité",
    "Alliance démocratique pour le Changement", "Jund Echam", "Front national islamique",
    "Mouvement Populaire d’Autodéfense", "Armée nationale populaire algérienne",
    "Partido Komunista ng Pilipinas-1930", "Tawheedul Islam", "Hizb ut-Tahrir Bangladesh",
    "Shahadat-e Al-Hikma", "Justice for Islamic Movement", "Hukbong Mapagpalaya ng Bayan",
    "People’s Liberation Army Air Force", "Shia Talba Action Committee", "People's Aman Committee",
    "Kachin Defense Army", "Defa-e-Pakistan Council", "Baloch Regiment", "Naga National Political Groups",
    "Jeay Sindh Muttahida Mahaz", "Baloch National Movement", "Jamaat-i-Islami",
    "Partido de la Unión Democrática", "Al-Nujaba TV", "Abou Mehdi al-Mouhandis", "Free Cause Party",
    "Mouvement de libération de l'Iran", "Conseil Chiite Islamique Supérieur", "Osbat al-Nour",
    "Conseil Suprême de la Révolution Islamique en Irak", "Mouvement Sadriste",
    "Résistance Populaire Sudiste", "Chambre des représentants", "Frères Musulmans",
    "Parti de la construction et du développement", "Komala y Jiyanenewe-y Kurd", "Kataeb al-Baath",
    "Suqur al-Sahraa", "Jaysh al-Wafaa", "province du Nord-Sinaï", "Cártel Nueva Plaza", "Falange Jacaré",
    "Família do Norte", "Gran Ravin", "Republican Sinn Fein", "Партия исламского возрождения Таджикистана",
    "Джамаат таблиги", "Сибірський батальйон", "cártel Independiente de Acapulco", "Official IRA", "FRAP",
    "Armée de libération nationale corse", "Επαναστατική Αυτοάμυνα", "Legion Cesarski",
    "Muerte a Secuestradores", "Alianza Democrática M-19", "Los Mata Zetas",
    # abbreviations of parties, armies and missions that are, or are near, the initials of a
    # registry group's name
    "CPIM", "SUCI", "JKNC", "FARDC", "MONUSCO", "SSPDF", "NSCDC", "MNJTF", "EACRF",
    # a head word and one common word: bodies that are not armed groups, in three languages
    "Peace Corps", "Salvation Army", "Armée du salut", "Ejército de Salvación", "Peace Movement",
    "Movimiento por la Paz", "Parti de la justice", "Front du salut",
    # armies, parties and a movement in Chinese and Japanese, and the name China's army shares
    "中国人民解放军", "人民解放军", "以色列国防军", "日本自卫队", "中国共产党", "日本共産党", "穆斯林兄弟会",
    "伊朗伊斯兰共和国", "People's Liberation Army",
    # fronts and parties whose names are a registry group's with a word more or less inside
    "Tigray Liberation Front", "Eritrean Liberation Front", "Jammu and Kashmir National Liberation Front",
    "Communist Party of Nepal Unified Marxist Leninist", "Arab Liberation Front", "Palestinian Popular Struggle Front",
    # a former army, written with "ex-"
    "ex-FAR", "ex-FAR/Interahamwe",
    # Thailand's army and armed forces, a party, and an abbreviation spelled in Thai letter names
    "กองทัพบก", "กองทัพไทย", "พรรคคอมมิวนิสต์แห่งประเทศไทย", "ซีไอเอ",
    # an organization named like a unit of one glossary word
    "Peace Brigades International",
    # a movement the Turkish press calls a terror organization, which the registry does not hold
    "FETÖ terör örgütü",
    # armies, legions and corps named by a colour or one common word, which registry groups'
    # longer names share
    "Red Army", "Black Army", "Green Army", "Blue Army", "Arab Legion", "Islamic Legion", "Foreign Legion",
    "Marine Corps", "Armia Ludowa", "Armia Krajowa", "Iron Guard", "Red Guards",
    "Popular Front",
    # parties, armies and movements named in the languages the glossary now reads (Indonesian,
    # Italian, Portuguese, German, Polish, Dutch, Russian)
    "Gerakan Pemuda Ansor", "Gerakan Indonesia Raya", "Partito Comunista Italiano", "Partido Comunista do Brasil",
    "Kommunistische Partei Deutschlands", "Polska Partia Socjalistyczna", "Rote Hilfe", "Narodowe Siły Zbrojne",
    "Organizacja Ukraińskich Nacjonalistów", "Ukrainische Aufstandsarmee", "Partij van de Arbeid",
    "Movimento Sociale Italiano", "Nationale Volksarmee", "Armia Czerwona", "Красная армия", "Freie Deutsche Jugend",
    "Partido dos Trabalhadores", "Partia Pracy",
    # Myanmar's armed forces, parties, government and states, in Burmese
    "တပ်မတော်", "မြန်မာ့တပ်မတော်", "ပြည်ထောင်စုကြံ့ခိုင်ရေးနှင့်ဖွံ့ဖြိုးရေးပါတီ", "အမျိုးသားဒီမိုကရေစီအဖွဲ့ချုပ်",
    "အမျိုးသားညီညွတ်ရေးအစိုးရ", "ကချင်ပြည်နယ်", "ရှမ်းပြည်", "ကရင်ပြည်နယ်", "ပြည်ထောင်စုလွှတ်တော်",
    # parties named with the words of registry groups of their region
    "Arakan National Party", "Kachin State Democracy Party", "Shan Nationalities League for Democracy",
    "Arakan League for Democracy", "Mon National Party", "Kurdistan Islamic Union", "Kurdistan Socialist Democratic Party",
    # China's People's Liberation Army in German, a compound joined by an s
    "Volksbefreiungsarmee",
    # parties named in Kurmanji, Polish and Russian with the glossary's words
    "Partiya Demokrat a Kurdistanê ya Sûriyê", "Polska Partia Robotnicza", "Коммунистическая партия Российской Федерации",
    # armies, a party and an organization of states in Korean
    "대한민국 국군", "조선인민군", "조선로동당", "이슬람 협력기구",
    # China's army, Japan's Self-Defense Forces, the Kuomintang and states' armies in Korean,
    # whose last syllable is a generic word
    "인민해방군", "자위대", "국민당", "이라크군", "시리아군", "레바논군", "이스라엘군",
    # a party, armies, a republic and a police in Chinese and Japanese, with a point of the compass
    # or a word of the lexicons file
    "西班牙共产党", "南苏丹国防军", "东突厥斯坦共和国", "北爱尔兰警察局", "ドイツ連邦軍",
    # Bosnian and Bulgarian parties named "for" something (za)
    "Savez za bolju budućnost", "Движение за права и свободи",
    # parties, armies, agencies, a league, media and people in Greek, Hebrew and Japanese, whose
    # letters are read a second way for a foreign name (μπ b, the kana r-row l, Hebrew as Arabic)
    "Χρυσή Αυγή", "Κομμουνιστικό Κόμμα Ελλάδας", "Ελληνικός Στρατός", "Αλ Τζαζίρα", "Αραβικός Σύνδεσμος",
    "Χασάν Νασράλα", "Μοσάντ", "Ισλαμική Δημοκρατία του Ιράν", "Δημοκρατικός Στρατός Ελλάδας", "Λαϊκό Μέτωπο",
    "צבא ההגנה לישראל", "המוסד", "הליכוד", "מפלגת העבודה", "חסן נסראללה", "אל-ג'זירה", "הליגה הערבית",
    "הרשות הפלסטינית", "האחים המוסלמים",
    "アルジャジーラ", "アラブ連盟", "アルジェリア", "アルメニア", "イスラエル国防軍", "ムスリム同胞団", "アル・アハラム",
    "アルアラビーヤ",
    # abbreviations of alliances, states, agencies, forces and parties in Cyrillic, Greek, Hindi and
    # Bengali letters, which are read letter for letter as Latin ones
    "НАТО", "ООН", "ФСБ", "МВД", "ВСУ", "США", "ЦРУ", "ДНР", "ЛНР", "ОМОН", "СОБР", "НКВД", "КГБ", "ЛДПР",
    "КПРФ", "ΚΚΕ", "ΟΗΕ", "ΗΠΑ", "एनआईए", "সিআইএ",
    # states' armies and police, an opposition, a mobilization and farmers' bodies, with a country's
    # adjective inflected or the glossary's newer words
    "Libanesische Streitkräfte", "Forces armées libanaises", "Fuerzas Armadas Libanesas", "Forze armate libanesi",
    "Armée libanaise", "Esercito libanese", "Irakische Armee", "Armée syrienne", "Opposition syrienne",
    "Oposición siria", "Coalition nationale syrienne", "Mobilisation générale", "Confédération paysanne",
    "Partido Campesino", "Police fédérale irakienne", "Polícia Federal Iraquiana",
    # a fire brigade, courts, a workers' party and a communist party, in the glossary's newer words
    "Fire Brigade", "Brigata del fuoco", "Cour pénale internationale", "Tribunal Supremo de Justicia",
    "Partido de los Trabajadores", "भारत की कम्युनिस्ट पार्टी", "Cellules communistes révolutionnaires",
    # a sea, a republic, people, a city and an organization of states as German writes them
    "Asowsches Meer", "Tschetschenische Republik", "Wladimir Putin", "Ramsan Kadyrow", "Dschidda",
    "Schanghaier Organisation für Zusammenarbeit",
    # a person and places as Spanish writes them, with a y for the Arabic j
    "Yasir Arafat", "Yakarta", "Yenín",
    # a Congolese coalition whose name is two consonants from a registry group's
    "Coalition Raiya Mukombozi",
    # an alliance of Myanmar's armed groups named by another number than a registry alliance
    "Four Brothers Alliance",
    # short common words that, read a second way, spell a group's acronym or a word of its name
    "テロ", "γεια", "גמל", "ברכה", "Yamal", "Yellow",
    # Russia's and Ukraine's forces, a republic, a guard, parties and fronts in Russian and Ukrainian
    "Вооружённые силы Российской Федерации", "Исламская Республика Иран", "Южный военный округ",
    "Национальная гвардия", "Народный фронт", "Збройні сили України", "Партия регионов",
    "Силы специальных операций", "Народний рух України", "Исламский фронт спасения",
    # parties, armies, a secret police, leagues, a charity, units, a fleet and coalitions named with
    # the glossary's newer words (secret, holy, republic, Caucasus, change, line, ordinals written
    # out; Scandinavian, Czech, Hungarian, Romanian, Swahili, Somali, Malay and Hebrew words)
    "Heilsarmee", "Armée du Salut", "Ejército de Salvación", "Lega Nord", "Geheime Staatspolizei",
    "Republika Srpska", "Heilige Liga", "Santa Liga", "Liga Comunista Revolucionaria",
    "Polska Partia Robotnicza", "Octava División", "Sexta Brigada", "Seventh Fleet", "Kavkaz Center",
    "Armée du Caucase", "Gauche révolutionnaire", "Izquierda Revolucionaria", "Quick Reaction Force",
    "Ligue communiste révolutionnaire", "Comité de salut public", "Det Radikale Venstre",
    "Kristelig Folkeparti", "Armata Română", "Partidul Național Liberal", "Frontul Salvării Naționale",
    "Fidesz – Magyar Polgári Szövetség", "Česká strana sociálně demokratická",
    "Jeshi la Wananchi wa Tanzania", "Chama Cha Mapinduzi", "Ciidanka Xoogga Dalka Soomaaliyeed",
    "Tentera Darat Malaysia", "Partai Keadilan Sejahtera", "Barisan Nasional", "צבא ההגנה לישראל",
    "Gerakan Pemuda Ansor", "Socialdemokratiska arbetarepartiet", "Komite Nasional Papua Barat",
    "Sveriges Kommunistiska Parti", "Magyar Kommunista Párt", "Röda armén", "Armata Roșie",
    "Czerwona Armia", "Komando Pasukan Khusus", "Forces spéciales", "Ligue arabe",
    "Jeunesse Ouvrière Chrétienne", "Juventude Socialista", "Młodzież Wszechpolska",
    # networks, tribes' councils, joint forces and task forces: one of them spells a registry
    # group's abbreviation (CJTF) with another word in the place of one of its own
    "Combined Joint Task Force", "Joint Forces Command", "القوات المشتركة", "مجلس القبائل", "Rete 4",
    "Сеть Навального", "Vuguvugu la Demokrasia", "Harakati za Kiislamu", "የኢትዮጵያ ሕዝቦች አብዮታዊ ዴሞክራሲያዊ ግንባር",
    # a city's or a country's forces, described, beside registry units named by the place; Arabic
    # adjectives of countries with armies and police
    "Jenin Forces", "Misrata Forces", "Somalia Forces", "Tulkarm Forces", "الجيش العراقي", "الجيش البحريني",
    "الشرطة البحرينية", "القائمة العراقية",
    # cities in Arabic, whose English names differ from their Arabic ones
    "طرابلس", "حلب", "دمشق", "جامعة طرابلس", "مطار حلب الدولي",
    # a spirit, a sovereign order, the rule of law, patriots, a kingdom and a movement named with the
    # glossary's newer words (spirit, sovereign, law, avengers, patriots) and the German Kongo
    "Holy Spirit Hospital", "Ordre souverain de Malte", "État de droit", "Faculté de droit", "Alliance des patriotes",
    "Patriots for Freedom", "Bundu dia Kongo", "Royaume Kongo", "Les Vengeurs", "Mouvement insurrectionnel",
    # parties, congresses and armies of India and Sri Lanka in Tamil and Telugu
    "இந்திய தேசிய காங்கிரஸ்", "இந்திய கம்யூனிஸ்ட் கட்சி", "இந்திய கம்யூனிஸ்ட் கட்சி (மார்க்சிஸ்ட்)", "இந்திய இராணுவம்",
    "இலங்கை இராணுவம்", "தேசிய மக்கள் சக்தி", "భారత జాతీయ కాంగ్రెస్", "భారత కమ్యూనిస్ట్ పార్టీ", "భారత సైన్యం",
    # states' armies, ministries, parties and governments named with a country in Russian, Ukrainian and Hebrew
    "Армия обороны Израиля", "Вооружённые силы Ливана", "Министерство обороны Ирака", "Армия Судана",
    "Коммунистическая партия Ирака", "Правительство Йемена", "Национальная гвардия Ирака", "Армия Египта",
    "Президент Ливана", "צבא לבנון", "ממשלת עיראק", "Брати мусульмани Єгипту",
    # friends' societies, columns and mobile brigades that are not registry groups, armies and police
    # with a French adjective, Macedonian bodies, international brigades, parties in Urdu's English
    # loanwords and an abbreviation in Gurmukhi letter names
    "Friends of the Earth", "Amis de la Terre", "Colonne Durruti", "Durruti Column", "Brigade Mobil",
    "Mobile Brigade", "Friends of Syria", "Armée nationale tchadienne", "Police nationale colombienne",
    "Македонска православна црква", "Primera División", "International Brigades", "Интернациональные бригады",
    "پاکستان پیپلز پارٹی", "نیشنل عوامی پارٹی", "اسلامک یونیورسٹی", "ਬੀ.ਜੇ.ਪੀ",
    # Thailand's House of Representatives and its army's southern region, in Thai
    "สภาผู้แทนราษฎร", "กองทัพภาคใต้",
    # Japan's Self-Defense Forces, communist parties, a Korean progressive party and a church in
    # Chinese and Japanese characters
    "自衛隊", "日本共産党", "中国共产党", "韩国进步党", "統一教会",
    # parties and fronts for democracy, progress and development, and independence parties
    "Rassemblement pour la démocratie et le progrès", "Mouvement pour la démocratie", "Front pour la démocratie",
    "Alliance pour la démocratie", "Parti pour la démocratie et le développement", "Movimiento por la Democracia",
    "Congrès pour la démocratie et le progrès", "Union pour le développement", "Sierra Leone People's Party",
    "Partido Africano para a Independência da Guiné e Cabo Verde",
    # Korean words and names with a p or a j, read a second way with f and z: parties, countries, a company
    "자유한국당", "정의당", "조선노동당", "프랑스", "페이스북", "팔레스타인", "파키스탄", "평화",
    # States' forces and bodies named with a country's adjective or name inflected, as the CLDR's
    # names and the adjectives' table read them
    "Forces armées maliennes", "Garde nationale russe", "Ejército Nacional de Colombia",
    "Esercito Italiano", "Armée nationale tchadienne", "Forze armate libiche", "Policía Nacional del Perú",
    "Сирийская арабская армия", "Irakische Armee", "Forças Armadas Angolanas",
    "Exército Brasileiro", "Armata Română",
    # Names with a ch at a word's start, read as French writes sh; and an indigenous peoples' body
    "Cham Wings Airlines", "Charlie Hebdo", "Université Cheikh Anta Diop", "Chambre des députés",
    "Church of Scientology", "Chechen Republic", "Indigenous Peoples of Africa Coordinating Committee",
    # courts, guards, corps and armed forces named with the glossary's newer words
    "Corte Suprema de Justicia", "Garda Síochána", "Korpus Ochrony Pogranicza",
    "Siły Zbrojne Rzeczypospolitej Polskiej", "Unione delle Camere Penali Italiane", "Новая газета",
    # Slavic adjectives and cases of names, the Cyrillic h as kh, and names of a common word and a
    # unit: a Russian republic, an Iranian province, a Turkish town, a Syrian coalition, the Italian
    # Social Republic's Black Brigades, the Soviet Red Army in French
    "Чеченская Республика", "Разави Хорасан", "Horasan", "Brigate Nere",
    "Schwarze Brigaden", "Armée rouge",
    # Polish names with the glossary's newer words (the wartime People's Guard, a party), and places
    # and a person whose j between vowels a German reading takes for y
    "Gwardia Ludowa", "Liga Polskich Rodzin", "Bajaur", "Hajin", "Fujairah",
    "Bajo Aguán", "Haji Omar",
    # German adjectives of names with their endings: a state, a relief society, a league, a council,
    # a community, a state's army
    "Islamische Republik Iran", "Kurdischer Roter Halbmond", "Arabische Liga", "Islamischer Zentralrat der Schweiz",
    "Kurdische Gemeinde Deutschland", "Syrische Arabische Armee",
    # Ottoman provinces in Russian, and a Turkish party whose v is the Arabic w
    "Косовский вилайет", "Дамасский вилайет", "Vatan Partisi",
    # German compounds of two glossary words (China's congress, a council, a welfare society), and
    # days of the glossary's new word (holidays) and its words for struggle and holy war
    "Nationaler Volkskongress", "Weltfriedensrat", "Volkssolidarität", "Tag der Befreiung",
    "Jour de la Libération", "Día de la Independencia", "Heiliger Krieg", "Freiheitskampf",
    # the missionary movement in other spellings and scripts, a state's army in the dative
    "Jamaat al-Tabligh", "جماعة التبليغ", "তাবলীগ জামাত", "Libanesischen Streitkräften",
    # an army regiment, a police force and a party with two words of a group's name, and a
    # group's political office
    "Ulster Defence Regiment", "Free Syrian Police", "National Mobilization Party", "Ahrar al-Sham Political Bureau",
    # a sultan, an imam and a shah that groups are named after, the persons themselves
    "Sultan Murad", "Imam Ali", "Suleiman Shah", "Sultan Abdulhamid",
    # persons with a title that groups are named after, without it or with another: a title set
    # aside from a group's name must not leave the person
    "Gul Bahadur", "Sheikh Omar Hadid", "Maulana Fazlullah", "Sheikh Abdullah Azzam",
    # places, a state's army and a person with the endings a sentence hangs on a name: Turkish
    # case endings after an apostrophe, a Turkish compound's -su, the English possessive
    "Bağdat'ın", "Musul'dan", "Kabul'da", "Lübnan Ordusu", "Irak Ordusu", "Nasrallah's",
    # a movement of a common word a group is named by alone ("al-Jihad"), and a faction's leader
    "Harakat al-Jihad", "Jihad Movement", "Yung Aung",
    # a people a letter from the Houthis' name, a city and a vowel sign a th from Hamas and Fatah,
    # and what the press calls fighters, alone
    "Hutu", "Hutu rebels", "Hadith", "Hamath", "Fatha", "ribelli", "боевики",
    # places, parties, an Islamic body and a person in Indian scripts, each with a j read as z too
    "जम्मू", "राजस्थान", "भाजपा", "जनता दल", "जमीयत उलेमा-ए-हिंद", "জামায়াতে ইসলামী", "ইয়াহিয়া খান", "ਜਲੰਧਰ",
    # Myanmar's armed forces and a people, in Burmese; a holy person with his blessing
    "မြန်မာ့တပ်မတော်", "တပ်မတော်", "ကရင်နီ", "Imam Hussein (alayhi al-salam)",
    # abbreviations of alliances, armies and agencies in French, Spanish and Portuguese
    "OTAN", "FARDC", "CICR", "FANB", "FFAA", "PNUD", "OSCE", "FAMa", "MINUSMA", "MONUSCO", "FDSI",
    # parties, councils and fighters named by a people, which a people beside a name only narrows
    "Kurdish National Council", "Assyrian Democratic Movement", "Iraqi Turkmen Front", "Turkmen Front",
    "Kurdistan Islamic Union", "Baloch Republican Party", "Druze militia", "Kurdish militia",
    "Kurdish fighters", "Fulani herdsmen", "Tuareg rebels", "Pashtun Tahafuz Movement", "Yazidi Democratic Party",
    # peoples, fighters and believers in the Slavic plural, as that press writes them
    "исламисты", "повстанцы", "сирийцы", "палестинцы", "чеченцы", "шииты", "арабы", "ополченцы", "моджахеды",
    "курды", "Kurdové", "Palestinci", "bojownicy", "talibańscy bojownicy",
    # Tajikistan's Islamic Renaissance Party, a party of two common words and "renaissance"
    "Ҳизби наҳзати исломии Тоҷикистон", "Њизби наҳзати исломӣ",
    # who backs them, and a word for fighters: no group's name
    "Iran-backed militias", "Russian-backed separatists", "Turkish-backed rebels", "pro-government militias",
    # what a state has made of groups, with no name
    "banned outfits", "proscribed organisations",
    # a real group of its own whose "Patriotic" the Arabic name of another ("الوطنية") may mean
    "Somali Patriotic Movement",
    # people and places whose y beside the Arabic article is the Arabic y, not the Spanish one for j;
    # a people and a politician whose French ch is no shin of a group's word
    "Yusuf al-Qaradawi", "Yanbu al-Bahr", "Yahya al-Sinwar", "Yasser al-Burhami", "Cham Muslims", "Chamoun",
    # a university and a people in the Arabic chat alphabet, and names with numbers of their own
    "Jami3 al-Azhar", "Sha3b", "9gag", "AK-47", "Area 51", "Route 66",
    # bodies whose initials are a group's three-letter acronym (RSF, ICU, NPA, NCR, CPC, MTA, ABM,
    # KNF, WTM, EMC, SSA), some with a word of that group's names too
    "Reporters Sans Frontières", "United States Congress", "Intensive Care Unit", "National Police Agency",
    "National Capital Region", "Communist Party of China", "Metropolitan Transportation Authority",
    "Aknaf Bayt al-Maqdis", "Kuki National Front", "World Travel Market", "Estado Mayor Conjunto",
    "State Security Apparatus",
    # names of the registry with their city or region left out, which leaves common words
    "Military Council", "Protection Force", "Tribal Alliance", "Revolutionaries Brigade", "Security Network",
    "Defence Brigades", "Shura Council",
    # bodies named by a word for an organization or a group and two common words, as the press
    # writes a group's name translated word for word
    "Organisation de la coopération islamique", "Organisation de la Conférence islamique",
    "Organización de Estados Americanos", "Organisation de l'unité africaine", "Groupe de la Banque mondiale",
    # one word a group is named after, alone: a spacecraft, a city, a people, a warlord, a
    # government, a holiday ("Vostok Battalion", "Babylon Brigades", "Zomi Revolutionary Army",
    # "Mai-Mai Yakutumba", "Sinaloa-Föderation"); a city, given names and common words with a
    # group's consonants ("Dresden", درع السودان; "Hasim", Hasm; "commanders", "Comando Rosso")
    "Vostok", "Sparta", "Babylon", "Zomi", "Yakutumba", "Sheka", "Federación", "Nimr", "Туркестан",
    "Dresden", "Hasim", "commanders", "roosters", "temblors", "solemner", "asador", "Dartono", "Sanabria",
    "Ripley", "Шейх Мансур", "אבו עלי מוסטפא",
    # people groups are named after, with no word for a body; days; a body of like words
    # elsewhere; a surname and a city declined (as pages print them)
    "Omar Hadid", "Umar Hadid", "Yahya Ayyash", "Rajah Sulayman", "Alex Boncayao", "Dzhokhar Dudayev",
    "Джохар Дудаев", "İzzeddin el-Kassam", "Tariq ibn Ziyad", "Tarık bin Ziyad", "17. listopadu",
    "25 de Abril", "23 mars", "Union des forces républicaines", "Kadyrov", "Москвы",
    # a gang whose name is a word of another's and a place, which is no leader to set aside
    "Família do Norte",
    # a fifth press reading's: a saint and a town, a man and his given name, parties, fronts and
    # armies of other countries or times, a group's namesakes and splinters
    "Santa Rosa de Lima", "Saint Rose of Lima", "Sainte Rose de Lima", "Santa Rosa di Lima",
    "Mahmood Yakubu", "Mahmud Yakubu", "Mahmud Jega", "Mahmood", "los Chone Killers",
    "Partido Comunista de Chile", "Ejército de Liberación Nacional de Bolivia", "Cártel del Sur",
    "Zomi Revolutionary Front", "Soldiers of the Caliphate", "Noyaux révolutionnaires", "Devrimci Yol",
    "Protestant Action Society", "Eritrean Liberation Front", "Fronte di Liberazione Eritreo",
    "Uganda National Liberation Front", "Uganda National Liberation Army", "IBRAHIM Helbus",
    "Mother of all Battles Brigade", "Misurata al-Hora Brigade", "Katibat El Ansar", "Ançar El Khilafah",
    "Al-Jama’a es-Salafiyya el-Moukatila", "Front islamique du salut", "Jamiat-e Islami",
    "Jamiat-i-Islami", "National Front of Afghanistan", "Khalistan Tiger Force",
    "National Revolutionary Front of Manipur", "Tehrik-e-Jafria Pakistan", "Tehreek-e-Jihad-e-Islami",
    "Kashmir Taliban", "Kuki National Front", "Islamic Movement of Afghanistan",
    "Communist Party of India (Marxist)", "Baloch Republican Party", "Baloch National Front",
    "Suqur al-Sahra", "Armée nationale tchadienne", "Jama’atu Nasril Islam",
    "Coordination des mouvements de l’entente", "Front patriotique pour la justice",
    "Southern Cameroons National Council", "Front de libération nationale du Tchad",
    "Front de libération du Tchad", "Front national de libération du Tchad",
    "Front de libération de l'Aïr et de l'Azawak", "Kayan National Army",
]
# The same kinds of names in Arabic script (many of them the ones above: kept apart, so that
# cluster_quality.py, which would rightly put "Baghdad" and "بغداد" together, does not count
# that as an impure cluster).
NEGATIVES_ARABIC = [
    "بغداد", "الموصل", "كربلاء", "النجف", "الديوانية", "حلب", "إدلب", "دمشق", "بيروت", "صنعاء",
    "الجيش العراقي", "وزارة الدفاع", "الأمم المتحدة", "الهلال الأحمر", "قوات الأمن",
    "الشرطة الاتحادية", "جهاز مكافحة الإرهاب", "مجلس النواب", "بغداد اليوم", "قناة الميادين",
    "أبو بكر البغدادي", "حسن نصر الله", "أبو مهدي المهندس", "قيس الخزعلي", "هادي العامري",
    "لواء التوحيد", "جيش الأمة", "أجناد الشام", "حزب النهضة الإسلامي", "حزب نهضت اسلامی تاجیکستان",
    "طرابلس", "حمص", "حماة", "درعا", "الرقة", "دير الزور", "الأنبار", "ديالى", "نينوى", "سيناء",
    "غزة", "جنين", "الخرطوم", "الفاشر", "مقديشو", "المقاومة الإسلامية", "الجيش الوطني", "جيش التحرير",
    "الحركة الإسلامية", "الجبهة الوطنية", "كتائب الشهداء", "سرايا المقاومة", "جماعة مسلحة", "مسلحون",
    "قناة الجزيرة", "وكالة أعماق", "حزب الدعوة", "التيار الصدري", "الإخوان المسلمون",
    "پاکستان آرمی", "پنجاب پولیس", "سندھ رینجرز", "فرنٹیئر کور", "پاکستان ایئر فورس", "نیشنل پولیس",
    "العلف", "الطرب", "السرف", "شانگهای",
    # persons groups are named after (Saladin, Mehmed the Conqueror, Izz ad-Din al-Qassam)
    "صلاح الدين", "محمد الفاتح", "عز الدين القسام",
    # what a state has made of groups, with no name (Urdu "banned organisations", Arabic
    # "terrorist groups")
    "کالعدم تنظیمیں", "الجماعات الإرهابية",
    # holy persons with the blessing after their names, which is no group's name read away
    "العباس عليه السلام", "الإمام الحسين عليه السلام", "زينب عليها السلام",
    # what the Arabic press calls governments, armies, militias and factions with an adjective
    "الحكومة اليمنية", "القوات السورية", "الميليشيات الإيرانية", "الفصائل الفلسطينية",
    "المعارضة السورية", "الجماعات الجهادية", "الميليشيات الشيعية", "عبد الملك الحوثي",
    # a party and a coalition named with "الوطني" (Lebanon's Free Patriotic Movement, Syria's
    # National Progressive Front), and a state army's numbered division (Syria's Fourth Division)
    "التيار الوطني الحر", "الجبهة الوطنية التقدمية", "الفرقة الرابعة",
    # persons groups are named after, without the word for the brigade (Abu Ali Mustafa, Tariq ibn
    # Ziyad, Uqba ibn Nafi, Imam Ali), a holy day and a people (Ashura, the Shabak)
    "أبو علي مصطفى", "طارق بن زياد", "عقبة بن نافع", "الامام علي", "عاشوراء", "الشبك",
    # a fifth press reading's: other provinces of the Islamic State, a front the registry's rival
    # of is not, Bahraini and Yemeni bodies, Gaddafi's brigades, parties
    "ولاية الرقة", "ولاية الجزيرة", "جبهة التحرير الإريترية", "المقاومة الإسلامية في البحرين",
    "حزب الله البحريني", "كتائب القذافي", "حركة أحرار البحرين", "حركة المجتمع الإسلامي",
    "كتيبة التوحيد السلفية", "كتائب المقاومة الجنوبية", "ألوية الحماية الرئاسية", "اتحاد القبائل العربية",
    "الحراك الشعبي", "الجبهة الإسلامية الكردية",
    # Yemen's Islah party, a letter or two from the Somali Hizbul Islam's Arabic name
    "حزب الإصلاح", "سازمان چریکهای فدایی خلق ایران (اقلیت)",
]


def _without(index: Index, hold: int) -> Index:
    """A copy of ``index`` that no longer knows alias position ``hold``."""

    def table(t: Table) -> Table:
        keep = [i for i, p in enumerate(t.positions) if p != hold]
        return Table([t.forms[i] for i in keep], array("i", [t.positions[i] for i in keep]))

    keep = [i for i, a in enumerate(index.fuzzy_alias) if a != hold]
    return Index(
        index.sha256, index.entity_ids, index.entity_names, index.entity_kinds, index.entity_countries,
        index.alias_text,
        index.alias_entity, index.alias_type, index.alias_shared, index.alias_key, index.alias_skeleton,
        index.redirects, table(index.exact), table(index.by_key), table(index.by_skeleton),
        table(index.acronyms), array("i", [index.fuzzy_alias[i] for i in keep]),
        [index.fuzzy_keys[i] for i in keep], [index.fuzzy_skeletons[i] for i in keep],
        array("i", [index.fuzzy_lengths[i] for i in keep]),
        entity_related=index.entity_related,
    )



def _status(match: object, truth: str) -> str:
    status = match.status
    if status == "matched":
        return "right" if match.id == truth else "wrong"
    return "abstained"


def leave_one_out(index: Index, disabled: tuple[str, ...] = ()) -> tuple[Counter[str], Counter[tuple[str, str]], Counter[tuple[str, str]], Counter[str], list[tuple[object, ...]]]:
    """Resolve every alias from the others: counts overall, by alias type, by script, by method, and the wrong ones."""
    counts: Counter[str] = Counter()
    by_type: Counter[tuple[str, str]] = Counter()
    by_script: Counter[tuple[str, str]] = Counter()
    methods: Counter[str] = Counter()
    wrong: list[tuple[object, ...]] = []
    for a_i, text in enumerate(index.alias_text):
        if index.alias_shared[a_i] or index.alias_type[a_i] == "acronym":
            continue
        truth = index.entity_ids[index.alias_entity[a_i]]
        # The same spelling held twice by one entity (case aside) is not a held-out name.
        same = [
            b for b in (index.exact.get(text.casefold()) or [])
            if b != a_i and index.alias_entity[b] == index.alias_entity[a_i]
        ]
        if same:
            continue
        match = Resolver(_without(index, a_i), disabled=disabled).resolve(text)
        outcome = _status(match, truth)
        counts[outcome] += 1
        by_type[index.alias_type[a_i], outcome] += 1
        script = script_of(text)
        by_script["Latin" if script == "Latin" else "Arabic" if script == "Arabic" else "other", outcome] += 1
        if outcome == "right":
            methods[match.method or ""] += 1
        elif outcome == "wrong":
            wrong.append((text, truth, match.id, match.method, match.score, match.matched_alias))
    return counts, by_type, by_script, methods, wrong


def _line(label: str, c: Counter[str] | dict[str, int]) -> str:
    n = sum(c.get(o, 0) for o in ("right", "wrong", "abstained"))
    return f"  {label:<12} {n:5d} names: " + ", ".join(
        f"{o} {100 * c.get(o, 0) / max(n, 1):.1f} %" for o in ("right", "wrong", "abstained")
    )


def _split(c: Counter[tuple[str, str]], label: str) -> dict[str, int]:
    return {o: c[label, o] for o in ("right", "wrong", "abstained")}


#: Country names and adjectives for the qualified forms: the first two names of each country.
def _country_words(code: str) -> tuple[str, str] | None:
    names = PLACES.get(code)
    if not names or len(names) < 2:
        return None
    return names[0].title(), names[1].title()


def qualified_forms(index: Index, resolver: Resolver) -> None:
    """Each entity's name as spreadsheets write it; contradicting countries must not match."""
    acronyms: dict[int, str] = {}
    for a_i, t in enumerate(index.alias_text):
        if index.alias_type[a_i] == "acronym" and not index.alias_shared[a_i]:
            acronyms.setdefault(index.alias_entity[a_i], t)
    outcomes: Counter[tuple[str, str]] = Counter()
    wrong: list[tuple[str, str, str | None]] = []
    codes = [c for c in PLACES if _country_words(c)]
    for e_i, name in enumerate(index.entity_names):
        truth = index.entity_ids[e_i]
        if resolver.resolve(name).id != truth:
            continue  # the plain name is ambiguous in this registry: its qualified forms are moot
        countries = [c for c in index.entity_countries[e_i].split(",") if c]
        forms: list[tuple[str, str]] = []
        if e_i in acronyms:
            forms.append(("acronym", f"{name} ({acronyms[e_i]})"))
        for code in countries[:1]:
            words = _country_words(code)
            if words:
                country, adjective = words
                forms += [("country", f"{name} ({country})"), ("adjective", f"{adjective} {name}"),
                          ("in country", f"{name} in {country}")]
            if e_i in acronyms and words:
                forms.append(("acronym country", f"{acronyms[e_i]} {words[0]}"))
        forms.append(("capitals", name.upper().replace("-", " - ")))
        for kind, form in forms:
            m = resolver.resolve(form)
            if m.status == "matched" and m.id == truth:
                outcome = "right"
            elif m.status == "matched" and m.method in ("exact", "key", "acronym"):
                outcome = "another's name"  # the form is, letter for letter, another entity's alias
            else:
                outcome = "wrong" if m.status == "matched" else m.status
            outcomes[kind, outcome] += 1
            if outcome == "wrong":
                wrong.append((form, truth, m.id))
        other = next((c for c in codes if c not in countries), None)
        if countries and other:
            words = _country_words(other)
            assert words is not None
            contradicting = [("contradicting", f"{name} ({words[0]})")]
            if e_i in acronyms:
                contradicting.append(("acronym elsewhere", f"{acronyms[e_i]} {words[0]}"))
            for kind, form in contradicting:
                m = resolver.resolve(form)
                # It must not be this entity; another entity of that country is a fair answer.
                outcome = "wrong" if m.status == "matched" and m.id == truth else "refused"
                outcomes[kind, outcome] += 1
                if outcome == "wrong":
                    wrong.append((form, truth, m.id))
    print("qualified forms (built by rule from each entity's name):")
    for kind in ("acronym", "country", "adjective", "in country", "acronym country", "capitals", "contradicting", "acronym elsewhere"):
        row = {o: outcomes[kind, o] for o in ("right", "ambiguous", "unresolved", "another's name", "wrong", "refused")}
        n = sum(row.values())
        print(f"  {kind:<14} {n:4d}: " + ", ".join(f"{o} {v}" for o, v in row.items() if v))
    for w in wrong:
        print(f"  wrong: {w[0]!r} of {w[1]} -> {w[2]}")


#: How other presses respell an English-press transliteration, each rule by rule (word starts
#: and letters as each press writes the Arabic sounds): the French ch for sh, ou for u and dj for
#: an initial j; the German sch, dsch and ch for kh, and j for a y between vowels; the Spanish y
#: for an initial j and j for kh; the Indonesian sy for sh; English renderings of Russian ones,
#: with dzh, v for w and k for q; the Czech, Slovak, Bosnian, Croatian and Serbian š and dž, ch
#: for kh, j for a y between vowels and v for w; the Dutch sj, oe for u, dj and j for a y; the
#: Arabic chat alphabet's (Arabizi's) digits: 5 for kh, 3 for an ayn written as an apostrophe,
#: 7 for a word's first h; and the English of the Persian press, with gh for q and v for w.
PRESSES: dict[str, list[tuple[str, str]]] = {
    "French": [("sh", "ch"), ("(?<![aeiouo])u", "ou"), (r"\bj", "dj")],
    "German": [("sh", "sch"), (r"\bj", "dsch"), ("kh", "ch"), ("(?<=[aeiou])y(?=[aeiou])", "j")],
    "Spanish": [(r"\bj", "y"), ("kh", "j")],
    "Indonesian": [("sh", "sy")],
    "Russian": [(r"\bj", "dzh"), ("w", "v"), ("q", "k")],
    "Czech": [("sh", "š"), (r"\bj", "dž"), ("kh", "ch"), ("(?<=[aeiou])y(?=[aeiou])", "j"), ("w", "v")],
    "Dutch": [("sh", "sj"), ("(?<![aeiouo])u", "oe"), (r"\bj", "dj"), ("y(?=[aeiou])", "j")],
    "Arabizi": [("kh", "5"), ("(?<=[a-z])['’‘ʿ](?=[a-z])", "3"), (r"\bh(?=[aeiou])", "7")],
    "Persian": [("q", "gh"), ("w", "v")],
}


def _respelled(text: str, rules: list[tuple[str, str]]) -> str:
    out = text
    for pattern, repl in rules:
        # a capital stays a capital ("Jaysh", "Dschaysh")
        out = re.sub(pattern, lambda m, r=repl: r.capitalize() if m.group(0)[0].isupper() else r, out, flags=re.IGNORECASE)
    return out


def other_presses(index: Index, resolver: Resolver, show_wrong: bool) -> None:
    """The registry's transliterations as other presses write them: each must still be its entity."""
    outcomes: Counter[tuple[str, str]] = Counter()
    wrong: list[tuple[str, str, str, str | None]] = []
    for a_i, text in enumerate(index.alias_text):
        if index.alias_type[a_i] != "translit" or index.alias_shared[a_i] or not text.isascii():
            continue
        if any(len(w) >= 2 and w.isupper() for w in re.findall(r"[A-Za-z]+", text)):
            continue  # an abbreviation in the name ("ULIMO-J") is written alike by every press
        truth = index.entity_ids[index.alias_entity[a_i]]
        if resolver.resolve(text).id != truth:
            continue  # the name as written is not its entity's alone: its respellings are moot
        for press, rules in PRESSES.items():
            form = _respelled(text, rules)
            if form.casefold() != text.casefold():
                _tally(resolver, form, truth, press, outcomes, wrong)
    print("other presses' spellings (each transliteration respelled by rule as that press writes it):")
    _report(PRESSES, outcomes, wrong, show_wrong)


def _tally(
    resolver: Resolver, form: str, truth: str, kind: str, outcomes: Counter[tuple[str, str]],
    wrong: list[tuple[str, str, str, str | None]],
) -> None:
    m = resolver.resolve(form)
    outcome = ("right" if m.id == truth else "wrong") if m.status == "matched" else m.status
    outcomes[kind, outcome] += 1
    if outcome == "wrong":
        wrong.append((kind, form, truth, m.id))


def _report(
    kinds: Iterable[str], outcomes: Counter[tuple[str, str]], wrong: list[tuple[str, str, str, str | None]],
    show_wrong: bool,
) -> None:
    for kind in kinds:
        row = {o: outcomes[kind, o] for o in ("right", "ambiguous", "unresolved", "wrong")}
        n = sum(row.values())
        print(f"  {kind:<21} {n:4d}: " + ", ".join(f"{o} {v}" for o, v in row.items() if v)
              + f" ({100 * row['right'] / max(n, 1):.1f} % right)")
    for w in wrong if show_wrong else wrong[:10]:
        print(f"  wrong ({w[0]}): {w[1]!r} of {w[2]} -> {w[3]}")


#: Slips of typing, one per form, each at a place drawn at random (seeded): a letter left out, two
#: neighbouring letters swapped, a space typed one letter off, a space left out.
SLIPS = ("letter left out", "letters swapped", "space one letter off", "space left out")


def _slipped(text: str, slip: str, rng: random.Random) -> str:
    """``text`` with one slip of typing, or "" when it has no place for it."""
    letters = [i for i in range(1, len(text) - 1) if text[i].isalpha() and text[i - 1].isalpha()]
    spaces = [i for i in range(2, len(text) - 2) if text[i] == " " and text[i - 1].isalpha() and text[i + 1].isalpha()]
    if slip == "letter left out" and letters:
        i = rng.choice(letters)
        return text[:i] + text[i + 1 :]
    if slip == "letters swapped":
        pairs = [i for i in letters if i + 1 < len(text) and text[i + 1].isalpha() and text[i] != text[i + 1]]
        if pairs:
            i = rng.choice(pairs)
            return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if slip == "space one letter off" and spaces:
        i = rng.choice(spaces)
        if rng.random() < 0.5:  # "Army o fJhangvi"
            return text[:i] + text[i + 1] + " " + text[i + 2 :]
        return text[: i - 1] + " " + text[i - 1] + text[i + 1 :]  # "Armyo f Jhangvi"
    if slip == "space left out" and spaces:
        i = rng.choice(spaces)
        return text[:i] + text[i + 1 :]
    return ""


def typing_slips(index: Index, resolver: Resolver, show_wrong: bool) -> None:
    """Each Latin name of ten letters or more that is its entity's alone, with one slip of typing:
    it must still be its entity, or at least no other."""
    rng = random.Random(13)
    known = {key(t) for t in index.alias_text}
    outcomes: Counter[tuple[str, str]] = Counter()
    wrong: list[tuple[str, str, str, str | None]] = []
    for a_i, text in enumerate(index.alias_text):
        if index.alias_type[a_i] == "acronym" or index.alias_shared[a_i] or not text.isascii():
            continue
        if sum(c.isalpha() for c in text) < 10:
            continue
        truth = index.entity_ids[index.alias_entity[a_i]]
        if resolver.resolve(text).id != truth:
            continue
        for slip in SLIPS:
            form = _slipped(text, slip, rng)
            if form and key(form) not in known:  # not a slip that makes another name of the registry
                _tally(resolver, form, truth, slip, outcomes, wrong)
    print("typing slips (each Latin name of ten letters or more with one slip):")
    _report(SLIPS, outcomes, wrong, show_wrong)


def main() -> None:
    parser = argparse.ArgumentParser(description="Leave-one-alias-out accuracy, qualified forms and look-alike negatives.")
    parser.add_argument("--registry", default=None)
    parser.add_argument("--show-wrong", action="store_true", help="list every wrong answer")
    parser.add_argument("--ablation", action="store_true", help="also run with each word-stage feature off")
    args = parser.parse_args()
    registry = load_registry(args.registry)
    index = Index.from_registry(registry)
    counts, by_type, by_script, methods, wrong = leave_one_out(index)
    total = sum(counts.values())
    print(f"registry: {registry.path} ({len(registry.entities)} entities, {len(index.alias_text)} names)")
    print(f"leave-one-alias-out over {total} names (shared aliases and acronyms excluded):")
    for label in ("right", "wrong", "abstained"):
        print(f"  {label:<10} {counts[label]:5d}  {100 * counts[label] / max(total, 1):5.1f} %")
    print(" by alias type:")
    for atype in sorted({t for t, _ in by_type}):
        print(_line(atype, _split(by_type, atype)))
    print(" by script:")
    for script in ("Latin", "Arabic", "other"):
        print(_line(script, _split(by_script, script)))
    print("  right, by method: " + ", ".join(f"{m} {n}" for m, n in methods.most_common()))
    resolver = Resolver(index)
    qualified_forms(index, resolver)
    other_presses(index, resolver, args.show_wrong)
    typing_slips(index, resolver, args.show_wrong)
    known = {key(t) for t in index.alias_text}
    negatives = [n for n in dict.fromkeys(NEGATIVES + NEGATIVES_ARABIC) if key(n) not in known]
    false_pos = []
    for name in negatives:
        match = resolver.resolve(name)
        if match.status == "matched":
            false_pos.append((name, match.id, match.method, match.score, match.matched_alias))
    print(f"look-alike negatives: {len(negatives)} names, {len(false_pos)} matched "
          f"({100 * len(false_pos) / max(len(negatives), 1):.1f} % false positives)")
    for fp in false_pos:
        print(f"  false positive: {fp[0]!r} -> {fp[1]} ({fp[2]}, {fp[3]:.0f}, via {fp[4]!r})")
    if args.show_wrong:
        for w in wrong:
            print(f"  wrong: {w[0]!r} of {w[1]} -> {w[2]} ({w[3]}, {w[4]:.0f}, via {w[5]!r})")
    if args.ablation:
        print("ablation (leave-one-out with one word-stage feature off):")
        print(f"  {'all on':<22} right {counts['right']:5d}, wrong {counts['wrong']:3d}")
        for feature in (*FEATURES, "all"):
            off = FEATURES if feature == "all" else (feature,)
            c = leave_one_out(index, off)[0]
            label = "word stage off" if feature == "all" else f"{feature} off"
            print(f"  {label:<22} right {c['right']:5d} ({c['right'] - counts['right']:+d}), "
                  f"wrong {c['wrong']:3d} ({c['wrong'] - counts['wrong']:+d})")


if __name__ == "__main__":
    main()
