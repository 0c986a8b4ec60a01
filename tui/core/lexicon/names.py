"""Word lists that let rules tell a person's name from a place, an outlet or a title.

There is no tagger at run time (no model download), so the people and quotes stages lean on how
news is written: a person is introduced with a role ("Kremlin aide Yuri Ushakov"), an honorific
("Sheikh Mohamed"), a common given name ("Steve Witkoff") or a verb of speech ("..., Smith
said"); organisations and places give themselves away by their last word ("State Department",
"Oval Office", "Truth Social") or by being a known country, city or demonym. The lists below are
general knowledge about news English and about names across cultures, never about a particular
article; they are deliberately compact because each entry is a rule someone has to trust.
"""

from __future__ import annotations

from functools import lru_cache

from ..tokens import text


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase without diacritics and with straight apostrophes, for lexicon look-ups (the
    text module's fold, so "Zieliński", "Zielinski" and "ZIELINSKI" are one key)."""
    return text.normalise(word)


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


# Honorifics and titles that can sit directly before a name ("President Trump", "Mr. Smith").
# A capitalised word from this list never starts a name itself.
HONORIFICS = _words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady sheikh sheikha sheik
    emir amir king queen prince princess crown sultan pope president vice premier chancellor
    minister secretary senator sen sen. rep rep. representative congressman congresswoman
    governor gov gov. mayor ambassador general gen gen. admiral adm adm. colonel col col.
    lieutenant lt lt. major maj maj. captain capt capt. sergeant sgt sgt. commander cmdr
    judge justice chief speaker cardinal archbishop bishop rabbi imam ayatollah reverend rev
    rev. father sister brother saint st st. field marshal commissioner attorney inspector
    superintendent detective officer chairman chairwoman chairperson director deputy
    councillor councilman councilwoman alderman mufti patriarch metropolitan grand duke
    duchess baron baroness count countess shah crown-prince vice-president mp mep msp
    """
)

# Head nouns of a role phrase ("Kremlin aide", "special envoy", "foreign policy adviser"):
# evidence that the capitalised words that follow are a person.
ROLE_HEADS = _words(
    """
    president presidents vice-president premier chancellor minister ministers secretary
    secretary-general senator senators congressman congresswoman representative lawmaker
    lawmakers legislator governor mayor ambassador envoy envoys aide aides adviser advisers
    advisor advisors spokesman spokeswoman spokesperson spokespeople negotiator diplomat
    official officials leader leaders king queen prince princess emir sheikh sultan pope
    chief director chairman chairwoman chair ceo founder executive head commander general
    admiral colonel judge justice prosecutor attorney lawyer counsel economist analyst
    professor researcher scientist author writer journalist reporter correspondent editor
    columnist anchor host commentator activist campaigner candidate nominee challenger
    incumbent deputy speaker strategist pollster coach manager captain striker midfielder
    player actor actress singer rapper director producer artist novelist historian
    commissioner inspector detective officer sergeant lieutenant spokesperson envoy czar
    tsar chief-of-staff owner partner investor billionaire entrepreneur businessman
    businesswoman banker governor-general mufti cleric rabbi imam bishop archbishop cardinal
    patriarch monarch dictator strongman opposition dissident counterpart predecessor
    successor rival ally survivor witness resident victim worker operator employee student
    teacher doctor nurse surgeon farmer driver coordinator organiser organizer volunteer
    engineer expert specialist fellow lecturer member mediator chairperson supervisor
    technician consultant pilot soldier medic paramedic firefighter policeman policewoman
    campaigner protester protestor shopkeeper trader vendor economist strategist physician
    psychologist sociologist architect designer composer musician filmmaker photographer
    athlete goalkeeper defender forward batsman bowler cyclist runner swimmer forecaster
    meteorologist climatologist seismologist geologist epidemiologist virologist curator
    librarian accountant auditor broker landlord tenant priest pastor monk nun
    treasurer mechanic neighbour neighbor caretaker electrician plumber janitor cashier
    waiter waitress carer caregiver midwife pharmacist dentist veterinarian rancher
    labourer laborer welder rescuer lifeguard champion medallist medalist laureate sprinter
    skier climber mountaineer boxer jockey referee umpire
    """
)

# Family relations: "his son Hunter Biden" is evidence of a person but not a title.
KINSHIP = _words(
    """
    son daughter wife husband brother sister father mother niece nephew cousin widow widower
    grandson granddaughter grandfather grandmother uncle aunt stepson stepdaughter fiancee
    fiance partner girlfriend boyfriend
    """
)


class _RoleHeads(frozenset[str]):
    """The listed role words, and any word formed the way English forms a profession from a
    field ("volcanologist", "criminologist", "statistician", "mathematician"): no list can
    name every science, and no such word is ever a place or an organisation."""

    def __contains__(self, word: object) -> bool:
        return frozenset.__contains__(self, word) or (
            isinstance(word, str) and len(word) > 7 and word.endswith(_PROFESSION_ENDINGS)
        )


_PROFESSION_ENDINGS = ("ologist", "ician")
ROLE_HEADS = _RoleHeads(ROLE_HEADS | KINSHIP)

# Lower-case words that may sit inside a role phrase before its head ("former", "foreign
# policy", "special", "top").
ROLE_MODIFIERS = _words(
    """
    former ex then late acting interim incoming outgoing newly elected designate special
    senior top chief deputy assistant associate vice prime foreign policy national security
    defense defence finance economy economic trade interior justice health press first
    presidential ruling opposition lead leading veteran longtime long-time military political
    royal supreme high commanding regional local state federal white house climate energy
    environment labor labour education transport culture agriculture intelligence treasury
    commerce home affairs general executive managing communications information media
    digital chief-executive crown de facto head of the
    """
)

# Title words that also start "Secretary of State"-like titles: capitalised, they belong to the
# title, not to the name that follows.
TITLE_WORDS = HONORIFICS | _words(
    """
    state foreign defense defence finance interior justice health trade treasury home
    affairs security national economy commerce energy labor labour education transport
    culture agriculture intelligence prime vice former acting interim deputy special senior
    chief supreme royal highness majesty excellency leader envoy adviser advisor aide
    spokesman spokeswoman spokesperson
    """
)

# Words inside a name that stay lower-case (or are "Al"/"El"): they may join name words but never
# start or end a person's name.
PARTICLES = _words(
    "bin bint ibn ben al el von van der den de da di du dos das del della la le ter zu y e"
)
CAPITAL_PARTICLES = _words("al el bin ibn abu abd")

# Last words that make a capitalised sequence an organisation, a place or a thing.
ORG_SUFFIXES = _words(
    """
    department ministry agency office house party news times post journal bank council union
    social business university college school institute institution foundation association
    society committee commission court tribunal parliament assembly congress senate
    airport square street avenue road boulevard bridge river sea ocean lake mountain mountains
    valley island islands bay gulf strait canal park palace hall center centre tower station
    stadium arena hospital church cathedral mosque temple museum gallery library plaza mall
    building complex factory mine terminal port harbour harbor
    company corp corp. inc inc. ltd ltd. llc group holdings industries airlines airways motors
    network networks channel radio television tv press media magazine review herald tribune
    gazette telegraph guardian daily weekly chronicle observer agency service services forces
    force army navy air command guard police front movement alliance coalition organization
    organisation federation republic kingdom emirates states nations province region county
    district city town village state territory coast border summit conference forum
    talks treaty accord pact agreement act bill law plan initiative program programme project
    fund capital partners exchange market markets index war crisis revolution election
    elections games cup championship league olympics festival award prize day week
    platform app reserve administration government cabinet regime authority authorities
    democrats republicans conservatives liberals tories labour united fc athletic rovers
    wanderers albion hotspur
    """
)

# Grammar and calendar words: capitalised only by position, never part of a name.
FUNCTION_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december today tomorrow yesterday tonight
    i we you he she they it this that these those there here the a an and or but so however
    meanwhile moreover yet still also if when while after before since as in on at of for
    with from by to into about over under between during without within across his her
    their our my its our what who which where why how not no later earlier afterwards
    afterward separately instead nevertheless nonetheless then now again
    """
)

# Institutions, outlets and platforms that are one capitalised word ("Kremlin", "Reuters").
INSTITUTION_WORDS = _words(
    """
    kremlin pentagon congress senate parliament vatican downing whitehall capitol knesset
    duma bundestag reuters interfax tass ria xinhua bloomberg cnn bbc nbc cbs msnbc politico
    axios telegram twitter facebook instagram youtube tiktok whatsapp google apple microsoft
    amazon meta god allah christmas easter ramadan covid republican republicans democrat
    democrats democratic conservative conservatives liberal liberals socialist communist
    tory tories
    """
)

# Acronyms that are organisations, matched with their exact case ("UN" but not "Un" of Kim
# Jong Un, "WHO" but not "Who").
ACRONYMS = frozenset(
    [
        "UN",
        "EU",
        "NATO",
        "IMF",
        "OPEC",
        "WHO",
        "WTO",
        "AP",
        "AFP",
        "ABC",
        "RSF",
        "SAF",
        "FBI",
        "CIA",
        "NSA",
        "ICC",
        "ICJ",
        "UNICEF",
        "UNHCR",
        "OSCE",
        "ASEAN",
        "BRICS",
        "G7",
        "G20",
        "US",
        "UK",
        "USA",
        "UAE",
        "X",
    ]
)

NOT_NAME_WORDS = FUNCTION_WORDS | INSTITUTION_WORDS

COUNTRIES = _words(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czechia czech denmark djibouti dominica ecuador
    egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
    ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india
    indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati
    korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
    lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius
    mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
    nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine
    panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
    senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname
    sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia
    turkey turkiye turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
    vietnam yemen zambia zimbabwe america europe asia africa oceania antarctica arctic
    britain england scotland wales crimea donbas gaza crimea kashmir tibet
    """
)

DEMONYMS = _words(
    """
    afghan albanian algerian american angolan argentine argentinian armenian australian
    austrian azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian
    british bulgarian burmese cambodian cameroonian canadian chilean chinese colombian
    congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati english
    eritrean estonian ethiopian european filipino finnish french georgian german ghanaian
    greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi
    irish israeli italian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti
    kyrgyz lao latvian lebanese liberian libyan lithuanian luxembourgish malaysian malian
    maltese mexican moldovan mongolian montenegrin moroccan mozambican namibian nepali
    nepalese nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian
    paraguayan peruvian polish portuguese qatari romanian russian rwandan saudi scottish
    senegalese serbian singaporean slovak slovenian somali spanish sudanese swedish swiss
    syrian taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian uruguayan
    uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean african asian arab arabian
    western eastern soviet sunni shiite shia kurdish kurd persian hispanic latino latina
    jewish muslim christian catholic orthodox protestant hindu buddhist sikh
    """
)

# Capitals and other cities that news datelines and "in X" phrases use most.
CITIES = _words(
    """
    moscow washington kyiv kiev beijing london paris berlin rome madrid lisbon brussels
    vienna geneva zurich bern helsinki stockholm oslo copenhagen warsaw prague budapest
    bucharest sofia belgrade athens ankara istanbul tehran baghdad damascus beirut amman
    jerusalem riyadh jeddah doha dubai abu dhabi cairo tunis algiers rabat nairobi lagos
    abuja johannesburg pretoria delhi mumbai karachi islamabad kabul dhaka bangkok hanoi
    jakarta manila seoul pyongyang tokyo osaka taipei shanghai hong kong singapore sydney
    melbourne canberra wellington ottawa toronto montreal vancouver havana caracas bogota
    lima santiago brasilia rio sao paulo buenos aires mexico montevideo quito
    minsk tbilisi yerevan baku astana tashkent kharkiv odesa odessa lviv mariupol kherson
    zaporizhzhia donetsk luhansk sevastopol minsk anchorage alaska hawaii california texas
    florida york chicago boston atlanta seattle houston dallas miami denver detroit
    philadelphia jersey virginia maryland ohio michigan pennsylvania arizona nevada
    """
)

PLACE_WORDS = COUNTRIES | CITIES

# Common given names across cultures: with capitalisation, a strong sign that a two-to-four
# word sequence is a person. Kept compact and general (not the names of any one story).
GIVEN_NAMES = _words(
    """
    aaron abdul abdullah abdel abdulaziz abe abigail abraham adam adama adel adrian ahmad
    ahmed aisha akira alan alana albert alberto aleksandr aleksei alex alexander alexandra
    alexandre alexei alexis ali alice alicia alina alison amanda amir amy ana anatoly andre
    andrea andreas andrei andrew andrej andres andrzej angela angelina ann anna anne annie
    anthony antonio antony anwar ariel arnold arthur ashley ashraf aung avi ayman barack
    barbara bashar beata ben benjamin benny bernard bernie beth betty bill billy bob bobby
    boris brad bradley brandon brenda brian bruce bruno bryan carl carla carlos carmen carol
    caroline catherine cecilia charles charlie charlotte chen cheng chris christian
    christina christine christopher chuck cindy claire clara claudia colin cory craig cristina
    cyril dan dana daniel daniela danielle danny dara david dean deborah debbie denis dennis
    diana diane diego dmitri dmitry dmitriy dominic don donald donna doug douglas dylan ebrahim
    ed eddie edgar eduardo edward elena eli elijah elisabeth elizabeth ella ellen elon emily
    emma emmanuel enrique eric erik erin ernesto esther ethan eva evan evgeny fabio faisal
    farid fatima federico felipe felix fernando fiona francesca francesco francis francisco
    frank franz fred frederick friedrich gabriel gail gary gavin gennady george georg gerald
    gerhard giorgia giovanni giuseppe glenn gloria gordon grace graham greg gregory guillaume
    gustavo hakan hamad hamid hana hannah hans harold harry hassan heather hector heinrich
    helen helena henry hilary hillary hiroshi hugo hussein ian igor ilya imran ingrid irina
    isaac isabel isabella ivan jack jacob jacqueline jaime jake james jamie jan jane janet
    janet jared jason javier jay jean jeanne jeff jeffrey jennifer jens jeremy jerome jerry
    jesse jessica jesus jill jim jimmy jin joan joanna joaquin joe joel johann johannes john
    johnny jon jonathan jorge jose josef joseph josh joshua joyce juan judith julia julian
    julie julien julius justin kamala karen karim karl kate katherine kathleen kathryn katie
    kay keir keith kelly ken kenneth kevin khalid khaled kim kirill kristi kristin kurt kyle
    lars laura lauren lawrence lee leo leon leonid liam linda lindsey lisa liz lloyd lorenzo
    louis louise lucas lucia luis luiz luke lynn maggie mahmoud manuel marc marco marcus
    margaret maria mariana marie marina mario marion mark markus marta martha martin mary
    masato mateo matt matteo matthew maura max maxim maya megan mehmet melanie melissa
    michael michel michelle miguel mike mikhail mila min mitch mitt mohamed mohammad
    mohammed mona muhammad mustafa nadia nancy naftali nana naomi narendra natalia natalie
    nathan neil nicholas nick nicola nicolas nicole nigel nikita nikki nikolai nina noah
    noel nora nuri olaf olena oleg oleksandr oleksiy olga oliver olivia omar oscar pablo
    pamela paolo pascal patricia patrick paul paula pavel pedro pete peter petr petro philip
    philippe pierre pietro priti rachel rafael rahul rajesh ralph ramon randy raphael rashid
    raul ray raymond rebecca recep reza ricardo richard rick rishi rob robert roberto robin
    roger roman ron ronald rosa ross roy ruth ryan saad said salman sam samantha samir samuel
    sandra sanjay sara sarah scott sean sebastian sergei sergey sergio seyed shane sharon
    shaun shinzo shigeru sophia sophie stacey stefan stefano stephanie stephen steve steven
    stuart susan suzanne svetlana takeshi tamim tanya tara ted teresa terry thabo thomas tim
    timothy tina todd tom tommy tony tracy tulsi tyler ursula valentina valerie vanessa
    vasily viktor viktoria vicente victor victoria vikram vincent vivian vladimir
    volodymyr walter wang wei wendy werner william willy wolfgang xavier yan yasser yevgeny
    yoav yoshihide yossi yulia yuri yury yusuf zachary zhang ziad zoe jd j.d.
    abdulrahman adriana agnes ahmet aidan alain alastair aleksandra alessandro alfonso
    alfred alvaro amelia amit andy angus anita antoine antonia aria arjun armando arturo
    ayesha beatriz benoit bernd bertrand boyd brett bridget caitlin calvin camille carlo
    carsten cesar chiara chloe christoph clarence claude clement conor cristiano damian
    darius dave declan derek devin dieter dimitri dirk dolores dominique duncan dwight
    edmund edwin eileen elias elif emre enzo erin esteban ewa fabian farah fernanda florian
    frances francois gabriela gareth gemma genevieve gerard gianni gilles giulia gonzalo
    gunther gwen hamza harriet hassan hiro holly horst howard hyun ibrahim ines ioana iris
    ismail ivana jacek jakob janice jasmine javed jerzy jessie joanne jocelyn joerg jonas
    jordi jorg josephine juergen jurgen kai kamal karim karin kasia katarzyna kenji kerry
    khalil kieran kirsten klaus kofi krzysztof laszlo leila lena leonardo lionel lorna lotte
    luca lucy lukas lukasz magnus mahathir malcolm manfred manon marek margot mariano marisa
    marius marko marta mateusz mathieu matthias maurice mauricio maxime meera mehdi miriam
    mirko moritz nadine nasser natasha nathalie neha niall nikos niels nils norbert olivier
    omar otto pablo patrik pep percy piotr preeti quentin rafal rainer ramon rania ravi
    reinhard renata rene riccardo roberta rodrigo rolf rory rosalind rudy rui sabine salma
    sandeep santiago sebastien selena serena sergio shreya simon simone sofia soren stanislav
    stefanie sunil sven sylvie tamara tarek thierry thorsten tobias tomas tomasz ulrich
    valentin vera veronica vijay vincenzo vladislav wojciech yasmin yosef yves zainab zoltan
    """
)

# Family names that come first in the usual English rendering of East Asian names ("Xi
# Jinping" -> "Xi", "Kim Jong Un" -> "Kim"): for these the short form is the first word.
FAMILY_FIRST = _words(
    """
    xi li wang zhang liu chen yang huang zhao wu zhou xu ma zhu hu guo lin luo
    kim park lee choi jung kang cho yoon jang lim han moon shin hun sen
    nguyen tran le pham
    """
)

# Verbs of speech and writing that attribute words to a speaker.
SPEECH_VERBS = _words(
    """
    said says say told tells tell added adds wrote writes posted posts tweeted tweets
    announced announces stated states declared declares insisted insists argued argues
    warned warns noted notes explained explains claimed claims asked asks replied replies
    responded responds continued continues recalled recalls acknowledged acknowledges
    admitted admits conceded concedes stressed stresses emphasised emphasized emphasises
    emphasizes urged urges suggested suggests predicted predicts promised promises vowed
    vows pledged pledges described describes called calls quipped jokes joked remarked
    remarks commented comments countered counters complained complains lamented laments
    observed observes confirmed confirms denied denies testified testifies reported reports
    wrote messaged texted thundered shouted yelled whispered mused boasted bragged
    cautioned assured assures objected maintained maintains
    contended contends concluded concludes opined opines estimated estimates
    """
)

# Gerund forms that continue the current speaker (", adding that ...", ", noting that ...").
CONTINUATION_VERBS = _words(
    """
    adding noting saying telling writing stressing insisting arguing warning explaining
    claiming calling describing recalling emphasising emphasizing urging suggesting
    promising vowing pledging acknowledging admitting conceding observing asking
    """
)

# Personal pronouns that can stand for a speaker, with the gender they imply.
PRONOUNS: dict[str, str | None] = {"he": "m", "she": "f", "they": None}

# Titles that say which gender the holder has, for the cheap "he"/"she" check.
MALE_TITLES = _words("mr mr. king prince sheikh emir sultan pope father sir lord duke baron")
FEMALE_TITLES = _words(
    "mrs mrs. ms ms. miss queen princess sheikha dame lady duchess baroness sister"
)
FEMALE_NAMES = _words(
    """
    abigail aisha alana alexandra alice alicia alina alison amanda amy ana andrea angela
    angelina ann anna anne annie ashley barbara beata beth betty brenda carla carmen carol
    caroline catherine cecilia charlotte christina christine cindy claire clara claudia
    cristina dana daniela danielle deborah debbie diana diane elena elisabeth elizabeth ella
    ellen emily emma erin esther eva fatima fiona francesca gail giorgia gloria grace hana
    hannah heather helen helena hilary hillary ingrid irina isabel isabella jacqueline jane
    janet jeanne jennifer jessica jill joan joanna joyce judith julia julie kamala karen kate
    katherine kathleen kathryn katie kristi kristin laura lauren linda lindsey lisa liz louise
    lucia lynn maggie margaret maria mariana marie marina marion marta martha mary maura maya
    megan melanie melissa michelle mila mona nadia nancy naomi natalia natalie nicola nicole
    nikki nina nora olena olga olivia pamela patricia paula priti rachel rebecca rosa ruth
    samantha sandra sara sarah sharon sophia sophie stacey stephanie susan suzanne svetlana
    tanya tara teresa tina tracy tulsi ursula valentina valerie vanessa victoria viktoria
    vivian wendy yulia zoe adriana agnes amelia anita antonia aria ayesha beatriz bridget
    caitlin camille chiara chloe dolores eileen elif ewa farah fernanda frances gabriela
    gemma genevieve giulia greta gwen harriet holly ines ioana iris ivana janice jasmine
    jocelyn joanne josephine karin kasia katarzyna kerry kirsten leila lena lorna lotte lucy
    manon margot marisa meera miriam nadine natasha nathalie neha preeti rania renata roberta
    rosalind sabine salma selena serena shreya simone sofia stefanie sylvie tamara vera
    veronica yasmin zainab amal tove ruth
    """
)

# Given names common in French, Spanish, German, Dutch, Slavic, Arabic and African
# news coverage, beyond the English-language core above: the name alone is the evidence for
# private people ("Hélène Sokolov-Mercier", "Ngozi Okafor") who carry no title. Words that
# are also places, brands or tribes ("Guadalupe", "Heinz", "Ute") are left out on purpose.
_MORE_FEMALE = _words(
    """
    femke anouk sanne marieke annelies mieke
    helene amelie aurelie benedicte cecile celine corinne delphine elodie emilie francoise
    isabelle laetitia margaux martine mathilde monique pascale sandrine severine solange
    veronique virginie brigitte chantal colette juliette josette odile sylviane anais lea
    clemence alejandra camila consuelo jimena lorena marisol milagros paola pilar rocio
    soledad valeria ximena yolanda araceli adela elvira inmaculada anke annika birgit dagmar
    frauke gisela heike helga ilse jutta katrin monika petra renate silke gudrun hildegard
    ingeborg ulrike agnieszka anastasia darya ekaterina galina halyna iryna jelena katya
    ksenia larisa lyudmila nadezhda natalya oksana olha tatiana tetiana zofia zuzana
    magdalena malgorzata dorota milena marija snezana yelena amina hala hanan iman layla
    mariam nour rana reem samira zeinab rasha dina noura adaeze ayodele chiamaka fatou
    folake ngozi nkechi thandiwe wanjiru zanele aminata aissatou funmilayo nneka akosua
    abena
    """
)
_MORE_MALE = _words(
    """
    pieter kees willem hendrik sander bram ruud maarten sjoerd wouter geert henk joost jeroen bart
    henri luc hugues edouard gaspard lucien serge
    arnaud baptiste bastien cedric christophe didier etienne fabrice frederic gaston
    gregoire herve jacques laurent loic marcel patrice remi sylvain thibault yannick mathis
    gilbert alejandro agustin alonso emilio hernan ignacio julio marcelo nestor ramiro
    rogelio guillermo rodolfo leonel bernhard dietrich egon fritz gunter hartmut helmut
    konrad lothar ralf rudolf torsten uwe volker detlef joachim wilhelm bogdan dmytro
    miroslav pavlo radek stanislaw taras vadim vitaly vitaliy yaroslav zbigniew grzegorz
    sasha anatoliy serhiy mykola mykhailo vasyl nikolay aleksandar dragan goran abbas
    abdallah bilal fadi farouk hani haitham hussam issa jamal kareem majid marwan mounir
    nabil rami saleh sami tariq walid yousef youssef zaid osama hisham abebe adebayo chidi
    chinedu chukwuma emeka kwame kwabena mamadou moussa nnamdi obinna oluwaseun sipho themba
    tunde uche yaw ousmane abdoulaye ibrahima seydou babajide olusegun
    """
)
GIVEN_NAMES = GIVEN_NAMES | _MORE_FEMALE | _MORE_MALE
FEMALE_NAMES = FEMALE_NAMES | _MORE_FEMALE


# Given names borne by men and women alike (or by men in one language and women in
# another): no evidence for "he" or "she".
UNISEX_NAMES = _words(
    """
    sasha alex alexis andrea jean kim robin jamie sam charlie ashley kelly lee dana
    jordan taylor morgan nour rana iman dominique claude camille noel ariel yan min jin
    nikola nicola simone gabriele chris pat terry tracy lynn
    """
)

# Words that name a country, its people or its seat of power, folded to one key, so a role
# reference ("the Kremlin leader", "the Russian president") can be matched with a title
# ("Russian President"). Only the seats that news uses as metonyms for a government.
NATION_OF: dict[str, str] = {
    fold(word): key
    for key, words in {
        "us": "u.s. us american america washington white-house",
        "russia": "russia russian kremlin",
        "ukraine": "ukraine ukrainian kyiv",
        "china": "china chinese beijing",
        "uk": "u.k. uk britain british downing",
        "france": "france french elysee",
        "germany": "germany german",
        "japan": "japan japanese",
        "india": "india indian",
        "israel": "israel israeli",
        "iran": "iran iranian",
        "turkey": "turkey turkish turkiye",
        "italy": "italy italian",
        "spain": "spain spanish",
        "canada": "canada canadian",
        "brazil": "brazil brazilian",
        "mexico": "mexico mexican",
        "poland": "poland polish",
        "hungary": "hungary hungarian",
        "belarus": "belarus belarusian",
        "saudi": "saudi",
        "uae": "emirati",
        "egypt": "egypt egyptian",
        "pakistan": "pakistan pakistani",
        "korea": "korea korean",
        "venezuela": "venezuela venezuelan",
        "syria": "syria syrian",
        "qatar": "qatar qatari",
    }.items()
    for word in words.split()
}

# Heads of the roles that lead a country: "the Kremlin leader" may stand for a "Russian
# President" but never for a "Russian Foreign Minister".
LEADER_HEADS = _words("leader president premier chancellor king queen emir monarch")
