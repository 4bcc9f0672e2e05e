/**
 * The handleiding in the app (issue 21): what each view answers, how to get the three kinds of data, and the
 * begrippenlijst. Dutch B1 with "je", and English. Bundled with the app: it works offline.
 *
 * In a text, `[[id]]` or `[[id|woorden]]` is a link to a term of the begrippenlijst.
 */

export type Blok =
  | { readonly p: string }
  | { readonly lijst: readonly string[] }
  | { readonly stappen: readonly string[] }
  /** The button that downloads the partner list template. */
  | { readonly sjabloon: true };

export interface HelpSectie {
  /** Also the view it belongs to (overzicht, kaart, …) where there is one. */
  readonly id: string;
  readonly titel: string;
  /** The question the view answers, in one sentence. */
  readonly vraag?: string;
  readonly blokken: readonly Blok[];
}

export interface Begrip {
  readonly id: string;
  readonly term: string;
  readonly uitleg: string;
}

export interface Handleiding {
  readonly secties: readonly HelpSectie[];
  readonly begrippen: readonly Begrip[];
}

const NL: Handleiding = {
  secties: [
    {
      id: 'start',
      titel: 'Zo werk je met Wijkweb',
      blokken: [
        {
          p: 'Met Wijkweb breng je de [[sociale-basis|sociale basis]] van je wijk in kaart. Alles staat in één projectbestand op je eigen computer. Wijkweb slaat zelf op.',
        },
        { p: 'Je hebt drie soorten gegevens nodig. Je kunt met één beginnen:' },
        {
          stappen: [
            'CBS-cijfers: hoeveel mensen wonen er per buurt, hoe oud zijn ze, hoeveel huishoudens zijn er. Zie ‘CBS-cijfers ophalen’.',
            'Een export uit Cognos: [[melding|meldingen]] en [[toewijzing|toewijzingen]] per buurt. Zie ‘Een Cognos-export aanvragen’.',
            'Een partnerlijst: organisaties en hun aanbod. Zie ‘Je partnerlijst’.',
          ],
        },
        {
          p: 'Sleep een bestand op het venster of kies het bij Importeren. Je ziet eerst wat er gebeurt. Pas als je op ‘Importeren’ klikt, verandert het project. Alles wat je doet, maak je ongedaan met Ctrl+Z.',
        },
      ],
    },
    {
      id: 'overzicht',
      titel: 'Overzicht',
      vraag: 'Wat zit er in dit project, en wat is de volgende stap?',
      blokken: [
        {
          p: 'Je ziet hoeveel buurten, cijfers, organisaties, voorzieningen en relaties er in het project staan, en uit welke bestanden ze komen. Is het project nog leeg, dan zie je de drie eerste stappen.',
        },
      ],
    },
    {
      id: 'gegevens',
      titel: 'Gegevens',
      vraag: 'Welke organisaties, voorzieningen en relaties staan erin, en kloppen ze?',
      blokken: [
        {
          p: 'Tabellen om te zoeken, te filteren, te sorteren en te bewerken. Je kunt meer rijen tegelijk aanpassen en de weergave naar Excel halen. Bij Taxonomieën pas je de lijsten aan: [[leefgebied|leefgebieden]], [[doelgroep|doelgroepen]], [[preventieniveau|preventieniveaus]] en soorten organisatie.',
        },
      ],
    },
    {
      id: 'netwerk',
      titel: 'Netwerk',
      vraag: 'Wie werkt met wie samen, wie verwijst naar wie, en wie verbindt groepen?',
      blokken: [
        {
          p: 'Elke organisatie en voorziening is een bolletje; een lijn is een relatie, zoals een [[verwijzing]] of samenwerking. Maak bolletjes groter naar hun [[betweenness|rol als makelaar]]: die partners verbinden groepen die elkaar anders niet zien. Staat een naam wat verder weg, dan wijst een dun zwart streepje naar zijn bolletje.',
        },
        {
          p: 'Bij Analyse zie je ook [[groep|groepen]] die veel met elkaar doen, [[sleutelpartner|sleutelpartners]] en de [[dichtheid]] van het netwerk. De tabel naast de tekening toont hetzelfde, ook voor een schermlezer.',
        },
      ],
    },
    {
      id: 'kaart',
      titel: 'Kaart',
      vraag: 'Waar in de gemeente is de vraag hoog, en waar is het aanbod?',
      blokken: [
        {
          p: 'De buurten gekleurd naar een [[hiaat]] per [[leefgebied]] of naar een CBS-cijfer, met de voorzieningen en organisaties erop. Grijs met strepen is ‘geen gegevens’. Klik op een buurt voor de details. Dezelfde cijfers staan in de tabel onder de kaart.',
        },
        {
          p: 'De kaart komt uit de CBS wijk- en buurtkaart (zie ‘CBS-cijfers ophalen’). Er is geen internet nodig.',
        },
      ],
    },
    {
      id: 'hiaten',
      titel: 'Hiaten',
      vraag: 'In welke buurt en op welk leefgebied is de vraag hoog en ontbreekt vrij toegankelijk aanbod?',
      blokken: [
        {
          p: 'Een [[hiaat]] is een signaal, geen oordeel. Wijkweb vergelijkt per buurt de vraag (Cognos en CBS) met de hele gemeente, op één [[peildatum]]. Daarna kijkt Wijkweb of er [[collectief-aanbod|collectief, vrij toegankelijk aanbod]] in de buurt is.',
        },
        {
          p: 'Elk vak zegt waar het op rust en heeft een zin met zijn getallen. ‘Waarom dit oordeel?’ laat de tellingen en het aanbod zien. Plan je een initiatief, dan zie je het hiaat kleiner worden.',
        },
      ],
    },
    {
      id: 'pilot',
      titel: 'Pilotmonitor',
      vraag: 'Werkt de pilot? Wat laat je de stuurgroep elk kwartaal zien?',
      blokken: [
        {
          p: 'Vul eerst de pilot in: de naam, het gebied en de startdatum. ‘Doelen van het pilotplan klaarzetten’ zet de succescriteria van het plan klaar als doelen. Je kunt ook zelf een doel toevoegen.',
        },
        {
          p: 'Elk doel heeft een status: op koers, aandacht, niet op koers of geen gegevens. De zin zegt sinds wanneer en op welke cijfers. De stippellijn in het verloop is de nulmeting.',
        },
        {
          p: 'Met ‘Telling invoeren’ voer je per maand in wat er met de aanmeldingen gebeurde, of een tevredenheidsscore, of kosten. [[kleine-aantallen|Kleine aantallen]] staan als <5. Bij ‘Capaciteit invoeren’ vul je per gebied de fte in; op de kaart zie je dan de aanmeldingen per fte.',
        },
      ],
    },
    {
      id: 'samenwerken',
      titel: 'Samenwerken',
      vraag: 'Hoe houd je met je gebiedsteam één sociale kaart bij?',
      blokken: [
        {
          p: 'Kies Bestand → Samenwerken. Deel je project met de teamserver van je gemeente (vraag het adres aan je beheerder) en stuur de uitnodiging naar je teamgenoten. Zij kiezen ‘Meedoen met een team’ en krijgen een nieuw project met dezelfde sociale kaart.',
        },
        {
          p: 'Iedereen werkt in een eigen project, ook zonder internet. Wat je wijzigt, gaat naar je team zodra er verbinding is; onderin zie je of je verbonden bent en hoeveel wijzigingen nog wachten. Ongedaan maken geldt alleen voor je eigen wijzigingen, en laat een latere wijziging van een teamgenoot staan.',
        },
        {
          p: 'Wijzigden twee mensen tegelijk hetzelfde veld, dan houdt Wijkweb beide waarden. Onder ‘Wijzigingen om na te kijken’ zie je wie wat wanneer invulde; kies welke blijft. CBS- en Cognos-cijfers deel je niet: die importeert ieder zelf.',
        },
      ],
    },
    {
      id: 'rapport',
      titel: 'Rapport',
      vraag: 'Wat leg je voor aan de stuurgroep?',
      blokken: [
        {
          p: 'Kies een of meer gebieden, de [[peildatum]] en het [[stuurgroepmoment]] om mee te vergelijken. Het voorbeeld op de pagina is het rapport zelf. ‘PDF maken’ maakt er een PDF van. In de browser opent dan het afdrukvenster: kies daar ‘Opslaan als PDF’.',
        },
        { p: '[[kleine-aantallen|Kleine aantallen]] staan in het rapport als <5.' },
      ],
    },
    {
      id: 'importeren',
      titel: 'Importeren',
      vraag: 'Hoe krijg je je eigen gegevens in Wijkweb?',
      blokken: [
        {
          p: 'Sleep een bestand op het venster of kies het. Wijkweb herkent zelf of het CBS-cijfers, een Cognos-export, een partnerlijst, een lijst met verwijzingen, een postcodetabel of een kaart is. Je ziet eerst wat er gebeurt; pas na ‘Importeren’ verandert het project.',
        },
      ],
    },
    {
      id: 'gebieden',
      titel: 'Gebieden',
      vraag: 'Welke buurten en wijken zijn er, en hoe verhouden hun cijfers zich tot de gemeente?',
      blokken: [
        {
          p: 'De gemeente, wijken en buurten per jaar, met de kerncijfers naast die van de gemeente en het vorige jaar. Je kunt ook een eigen gebied maken, zoals het werkgebied van je gebiedsteam.',
        },
      ],
    },
    {
      id: 'metingen',
      titel: 'Metingen',
      vraag: 'Hoeveel meldingen en toewijzingen waren er, per buurt en per periode?',
      blokken: [
        {
          p: 'De aantallen uit Cognos per buurt, maat en [[periode]], ook per 1.000 inwoners, met het verloop in de tijd.',
        },
      ],
    },
    {
      id: 'cbs',
      titel: 'CBS-cijfers ophalen',
      blokken: [
        { p: 'CBS maakt elk jaar de Kerncijfers wijken en buurten. Zo haal je ze:' },
        {
          stappen: [
            'Ga naar opendata.cbs.nl (StatLine) en zoek ‘Kerncijfers wijken en buurten’ met het jaar, bijvoorbeeld 2024 (tabel 85984NED).',
            'Kies bij ‘Regio’s’ je gemeente en al haar wijken en buurten. Kies bij ‘Onderwerpen’ in elk geval inwoners, leeftijdsgroepen en huishoudens.',
            'Download als CSV. Importeer het bestand in Wijkweb.',
          ],
        },
        {
          p: 'Ook goed: het Excel-bestand ‘kwb-2024.xlsx’ van cbs.nl (zoek ‘Kerncijfers wijken en buurten 2024’), of een bestand van heel Nederland: dan kies je in het voorbeeld je gemeente.',
        },
        {
          p: 'De kaart: download de ‘Wijk- en buurtkaart’ van CBS (bij PDOK, als GeoPackage of GeoJSON) van hetzelfde jaar en importeer hem.',
        },
      ],
    },
    {
      id: 'cognos',
      titel: 'Een Cognos-export aanvragen',
      blokken: [
        { p: 'De beheerder van Cognos bij je gemeente kan een export maken. Vraag om:' },
        {
          lijst: [
            'een Excel-bestand per maand (of per [[peildatum]]), elke keer met dezelfde kolommen;',
            'per buurt: de buurtnaam of de CBS-buurtcode;',
            'het aantal [[melding|meldingen]] per meldingstype;',
            'het aantal [[toewijzing|toewijzingen]] en unieke cliënten per product: ondersteuningsbehoefte, subniveau (A/B/C), individueel of groep, Wmo of Jeugdwet;',
            'géén gegevens over personen: geen namen, BSN of geboortedatums. Kleine aantallen mogen als <5 in het bestand staan.',
          ],
        },
        {
          p: 'Titelregels, totaalregels en een voetregel met de periode zijn geen probleem: Wijkweb vindt de tabel zelf.',
        },
      ],
    },
    {
      id: 'partnerlijst',
      titel: 'Je partnerlijst',
      blokken: [
        {
          p: 'Een lijst in Excel of CSV met per rij een aanbod en de organisatie die het biedt. Wijkweb leest de kolommen op hun naam. Waarden die Wijkweb niet kent, koppel je één keer; Wijkweb onthoudt je keuze.',
        },
        {
          p: 'Begin met het sjabloon. Daarin staan de kolommen die Wijkweb het best leest, en per kolom wat je invult.',
        },
        { sjabloon: true },
      ],
    },
  ],
  begrippen: [
    {
      id: 'sociale-basis',
      term: 'Sociale basis',
      uitleg:
        'Wat mensen in een buurt elkaar zelf bieden (familie, buren, verenigingen, vrijwilligers), met de algemene voorzieningen van gemeente en organisaties eromheen.',
    },
    {
      id: 'hiaat',
      term: 'Hiaat',
      uitleg:
        'Een buurt en leefgebied waar de vraag hoog is en geen collectief, vrij toegankelijk aanbod in de buurt is. Het is een signaal om naar te kijken, geen oordeel.',
    },
    {
      id: 'voorliggend-veld',
      term: 'Voorliggend veld',
      uitleg:
        'Hulp die je zonder indicatie kunt krijgen: algemene voorzieningen en collectief aanbod in de wijk. Het ligt ‘vóór’ de maatwerkvoorzieningen.',
    },
    {
      id: 'collectief-aanbod',
      term: 'Collectief, vrij toegankelijk aanbod',
      uitleg:
        'Aanbod voor een groep, waar je zonder indicatie of verwijzing naartoe kunt. Bijvoorbeeld een inloop, een buurtkamer of een cursus.',
    },
    {
      id: 'maatwerk',
      term: 'Maatwerkvoorziening',
      uitleg: 'Hulp voor één persoon, op indicatie (een beschikking) volgens de Wmo of de Jeugdwet.',
    },
    {
      id: 'peildatum',
      term: 'Peildatum',
      uitleg:
        'De dag waarop een telling geldt. Wijkweb rekent op één peildatum: per soort telling de nieuwste op of vóór die dag.',
    },
    {
      id: 'periode',
      term: 'Periode',
      uitleg: 'De tijd die een telling beslaat, bijvoorbeeld april 2024 of het eerste kwartaal.',
    },
    {
      id: 'melding',
      term: 'Melding',
      uitleg: 'Een vraag om hulp die bij het wijkteam binnenkomt.',
    },
    {
      id: 'toewijzing',
      term: 'Toewijzing',
      uitleg: 'Een maatwerkvoorziening die iemand heeft gekregen (een indicatie).',
    },
    {
      id: 'leefgebied',
      term: 'Leefgebied',
      uitleg:
        'Een deel van het leven waar hulp over gaat: wonen, werk en inkomen, onderwijs, gezondheid, welzijn, zorg, veiligheid. Je kunt de lijst aanpassen.',
    },
    {
      id: 'doelgroep',
      term: 'Doelgroep',
      uitleg: 'Voor wie aanbod bedoeld is, bijvoorbeeld jongeren 12–27 jaar of mantelzorgers.',
    },
    {
      id: 'preventieniveau',
      term: 'Preventieniveau',
      uitleg:
        'Hoe vroeg aanbod helpt, van 1 (het gewone leven versterken) tot 5 (meewerken aan herstel). Uit de aanpak van Deventer.',
    },
    {
      id: 'verwijzing',
      term: 'Verwijzing',
      uitleg: 'Een organisatie stuurt iemand door naar een andere, met een aantal per periode.',
    },
    {
      id: 'betweenness',
      term: 'Makelaar (betweenness)',
      uitleg:
        'Hoe vaak een partner op de kortste weg tussen twee andere partners ligt. Een hoge waarde betekent: deze partner verbindt groepen die elkaar anders niet bereiken.',
    },
    {
      id: 'sleutelpartner',
      term: 'Sleutelpartner (articulatiepunt)',
      uitleg: 'Een partner zonder wie het netwerk in losse delen uiteenvalt.',
    },
    {
      id: 'groep',
      term: 'Groep (community)',
      uitleg: 'Partners die onderling veel meer banden hebben dan met de rest. Wijkweb zoekt ze zelf (Louvain).',
    },
    {
      id: 'dichtheid',
      term: 'Dichtheid',
      uitleg: 'Welk deel van alle mogelijke banden tussen partners er echt is, van 0 tot 1.',
    },
    {
      id: 'stuurgroepmoment',
      term: 'Stuurgroepmoment',
      uitleg:
        'Een vastgelegde stand van de sociale kaart, het netwerk en de hiaten. Het volgende rapport laat zien wat er sindsdien veranderd is.',
    },
    {
      id: 'kleine-aantallen',
      term: 'Kleine aantallen (<5)',
      uitleg:
        'Aantallen van 1 tot 5 staan in alles wat Wijkweb verlaat als <5, zodat niemand te herkennen is. Soms wordt een tweede getal verborgen (x), zodat je het kleine aantal niet kunt terugrekenen.',
    },
  ],
};

const EN: Handleiding = {
  secties: [
    {
      id: 'start',
      titel: 'How Wijkweb works',
      blokken: [
        {
          p: 'Wijkweb maps the [[sociale-basis|social fabric]] of your neighbourhood. Everything is in one project file on your own computer. Wijkweb saves by itself.',
        },
        { p: 'You need three kinds of data. You can start with one:' },
        {
          stappen: [
            'CBS figures: how many people live in each buurt, their ages, how many households. See ‘Getting CBS figures’.',
            'An export from Cognos: [[melding|requests]] and [[toewijzing|allocations]] per buurt. See ‘Asking for a Cognos export’.',
            'A partner list: organisations and what they offer. See ‘Your partner list’.',
          ],
        },
        {
          p: 'Drop a file on the window or choose it under Import. You first see what will happen. The project only changes when you click ‘Import’. You can undo everything with Ctrl+Z.',
        },
      ],
    },
    {
      id: 'overzicht',
      titel: 'Overview',
      vraag: 'What is in this project, and what is the next step?',
      blokken: [
        {
          p: 'How many buurten, figures, organisations, services and relations the project holds, and which files they came from. An empty project shows the three first steps.',
        },
      ],
    },
    {
      id: 'gegevens',
      titel: 'Data',
      vraag: 'Which organisations, services and relations are in it, and are they right?',
      blokken: [
        {
          p: 'Tables to search, filter, sort and edit. You can change many rows at once and take the view to Excel. Under Taxonomies you edit the lists: [[leefgebied|life domains]], [[doelgroep|target groups]], [[preventieniveau|prevention levels]] and kinds of organisation.',
        },
      ],
    },
    {
      id: 'netwerk',
      titel: 'Network',
      vraag: 'Who works with whom, who refers to whom, and who connects groups?',
      blokken: [
        {
          p: 'Each organisation and service is a dot; a line is a relation, such as a [[verwijzing|referral]] or collaboration. Size the dots by their [[betweenness|role as broker]]: those partners connect groups that would otherwise not meet. A name a little further away has a thin black line to its dot.',
        },
        {
          p: 'Analysis also shows [[groep|groups]] that work closely together, [[sleutelpartner|key partners]] and the network’s [[dichtheid|density]]. The table next to the drawing shows the same, also for a screen reader.',
        },
      ],
    },
    {
      id: 'kaart',
      titel: 'Map',
      vraag: 'Where in the municipality is demand high, and where is the offer?',
      blokken: [
        {
          p: 'The buurten coloured by a [[hiaat|gap]] per [[leefgebied|life domain]] or by a CBS figure, with the services and organisations on top. Grey with stripes means ‘no data’. Click a buurt for its details. The same figures are in the table below the map.',
        },
        { p: 'The map comes from the CBS wijk- en buurtkaart (see ‘Getting CBS figures’). No internet is needed.' },
      ],
    },
    {
      id: 'hiaten',
      titel: 'Gaps',
      vraag: 'In which buurt and life domain is demand high while an open, collective offer is missing?',
      blokken: [
        {
          p: 'A [[hiaat|gap]] is a signal, not a verdict. Per buurt, Wijkweb compares demand (Cognos and CBS) with the whole municipality, on one [[peildatum|reference date]]. Then it checks whether there is a [[collectief-aanbod|collective, freely accessible offer]] in the buurt.',
        },
        {
          p: 'Each cell says what it rests on and has a sentence with its figures. ‘Why this judgement?’ shows the counts and the offer. When you plan an initiative, you see the gap shrink.',
        },
      ],
    },
    {
      id: 'pilot',
      titel: 'Pilot monitor',
      vraag: 'Is the pilot working? What do you show the steering group each quarter?',
      blokken: [
        {
          p: 'First fill in the pilot: its name, its area and its start date. ‘Set up the pilot plan’s goals’ adds the plan’s success criteria as goals. You can also add a goal yourself.',
        },
        {
          p: 'Each goal has a status: on course, needs attention, off course or no data. Its sentence says since when and on which figures. The dotted line in the trend is the baseline.',
        },
        {
          p: 'With ‘Enter a tally’ you enter per month what happened with the aanmeldingen, or a satisfaction score, or costs. [[kleine-aantallen|Small counts]] show as <5. Under ‘Enter capacity’ you fill in the fte per area; the map then shows aanmeldingen per fte.',
        },
      ],
    },
    {
      id: 'samenwerken',
      titel: 'Work together',
      vraag: 'How do you keep one social map with your area team?',
      blokken: [
        {
          p: 'Choose File → Work together. Share your project with your municipality’s team server (ask your administrator for its address) and send the invite to your teammates. They choose ‘Join a team’ and get a new project with the same social map.',
        },
        {
          p: 'Everyone works in a project of their own, also offline. What you change goes to your team once there is a connection; at the bottom you see whether you are connected and how many changes are waiting. Undo only undoes your own changes, and leaves a teammate’s later change alone.',
        },
        {
          p: 'When two people changed the same field at the same time, Wijkweb keeps both values. Under ‘Changes to review’ you see who filled in what and when; choose which one stays. CBS and Cognos figures are not shared: everyone imports them.',
        },
      ],
    },
    {
      id: 'rapport',
      titel: 'Report',
      vraag: 'What do you present to the steering group?',
      blokken: [
        {
          p: 'Choose one or more areas, the [[peildatum|reference date]] and the [[stuurgroepmoment|steering group moment]] to compare with. The preview on the page is the report itself. ‘Make PDF’ turns it into a PDF. In the browser the print dialog opens: choose ‘Save as PDF’ there.',
        },
        { p: '[[kleine-aantallen|Small counts]] show as <5 in the report.' },
      ],
    },
    {
      id: 'importeren',
      titel: 'Import',
      vraag: 'How do you get your own data into Wijkweb?',
      blokken: [
        {
          p: 'Drop a file on the window or choose it. Wijkweb recognises by itself whether it holds CBS figures, a Cognos export, a partner list, a list of referrals, a postcode table or a map. You first see what will happen; the project only changes after ‘Import’.',
        },
      ],
    },
    {
      id: 'gebieden',
      titel: 'Areas',
      vraag: 'Which buurten and wijken are there, and how do their figures compare with the municipality?',
      blokken: [
        {
          p: 'The municipality, wijken and buurten per year, with their key figures next to the municipality’s and last year’s. You can also make your own area, such as your area team’s patch.',
        },
      ],
    },
    {
      id: 'metingen',
      titel: 'Measurements',
      vraag: 'How many requests and allocations were there, per buurt and period?',
      blokken: [
        {
          p: 'The counts from Cognos per buurt, measure and [[periode|period]], also per 1,000 inhabitants, with their trend over time.',
        },
      ],
    },
    {
      id: 'cbs',
      titel: 'Getting CBS figures',
      blokken: [
        { p: 'CBS publishes the Kerncijfers wijken en buurten every year. To get them:' },
        {
          stappen: [
            'Go to opendata.cbs.nl (StatLine) and search for ‘Kerncijfers wijken en buurten’ with the year, for example 2024 (table 85984NED).',
            'Under ‘Regio’s’ choose your municipality and all its wijken and buurten. Under ‘Onderwerpen’ choose at least inhabitants, age groups and households.',
            'Download as CSV. Import the file into Wijkweb.',
          ],
        },
        {
          p: 'Also fine: the Excel file ‘kwb-2024.xlsx’ from cbs.nl (search ‘Kerncijfers wijken en buurten 2024’), or a file of the whole country: you then choose your municipality in the preview.',
        },
        {
          p: 'The map: download the CBS ‘Wijk- en buurtkaart’ (at PDOK, as GeoPackage or GeoJSON) of the same year and import it.',
        },
      ],
    },
    {
      id: 'cognos',
      titel: 'Asking for a Cognos export',
      blokken: [
        { p: 'Your municipality’s Cognos administrator can make an export. Ask for:' },
        {
          lijst: [
            'an Excel file per month (or per [[peildatum|reference date]]), with the same columns every time;',
            'per buurt: the buurt name or the CBS buurt code;',
            'the number of [[melding|requests]] per type;',
            'the number of [[toewijzing|allocations]] and unique clients per product: support need, sub-level (A/B/C), individual or group, Wmo or Jeugdwet;',
            'no data about persons: no names, BSN or dates of birth. Small counts may be in the file as <5.',
          ],
        },
        {
          p: 'Title rows, total rows and a footer with the period are no problem: Wijkweb finds the table by itself.',
        },
      ],
    },
    {
      id: 'partnerlijst',
      titel: 'Your partner list',
      blokken: [
        {
          p: 'A list in Excel or CSV with one offer per row and the organisation that provides it. Wijkweb reads the columns by their names. Values Wijkweb does not know, you map once; Wijkweb remembers your choice.',
        },
        { p: 'Start with the template. It has the columns Wijkweb reads best, and what to fill in per column.' },
        { sjabloon: true },
      ],
    },
  ],
  begrippen: [
    {
      id: 'sociale-basis',
      term: 'Social fabric (sociale basis)',
      uitleg:
        'What people in a neighbourhood offer each other (family, neighbours, clubs, volunteers), with the general services of the municipality and organisations around it.',
    },
    {
      id: 'hiaat',
      term: 'Gap (hiaat)',
      uitleg:
        'A buurt and life domain where demand is high and no collective, freely accessible offer is nearby. It is a signal to look at, not a verdict.',
    },
    {
      id: 'voorliggend-veld',
      term: 'Voorliggend veld',
      uitleg:
        'Help you can get without a referral: general services and collective offers in the neighbourhood. It comes ‘before’ individual, tailored support.',
    },
    {
      id: 'collectief-aanbod',
      term: 'Collective, freely accessible offer',
      uitleg:
        'An offer for a group that you can join without a referral, such as a drop-in, a community room or a course.',
    },
    {
      id: 'maatwerk',
      term: 'Tailored support (maatwerkvoorziening)',
      uitleg: 'Help for one person, on a formal decision (indicatie) under the Wmo or the Jeugdwet.',
    },
    {
      id: 'peildatum',
      term: 'Reference date (peildatum)',
      uitleg:
        'The day a count applies to. Wijkweb computes on one reference date: per kind of count, the newest on or before that day.',
    },
    {
      id: 'periode',
      term: 'Period',
      uitleg: 'The time a count covers, for example April 2024 or the first quarter.',
    },
    { id: 'melding', term: 'Request (melding)', uitleg: 'A request for help that reaches the area team.' },
    {
      id: 'toewijzing',
      term: 'Allocation (toewijzing)',
      uitleg: 'Tailored support that someone was granted (an indicatie).',
    },
    {
      id: 'leefgebied',
      term: 'Life domain (leefgebied)',
      uitleg:
        'A part of life that help is about: housing, work and income, education, health, well-being, care, safety. You can change the list.',
    },
    {
      id: 'doelgroep',
      term: 'Target group (doelgroep)',
      uitleg: 'Who an offer is for, for example young people 12–27 or informal carers.',
    },
    {
      id: 'preventieniveau',
      term: 'Prevention level',
      uitleg:
        'How early an offer helps, from 1 (strengthening ordinary life) to 5 (helping recovery). From Deventer’s approach.',
    },
    {
      id: 'verwijzing',
      term: 'Referral (verwijzing)',
      uitleg: 'One organisation sends someone on to another, with a number per period.',
    },
    {
      id: 'betweenness',
      term: 'Broker (betweenness)',
      uitleg:
        'How often a partner lies on the shortest path between two other partners. A high value means: this partner connects groups that would otherwise not reach each other.',
    },
    {
      id: 'sleutelpartner',
      term: 'Key partner (articulation point)',
      uitleg: 'A partner without whom the network falls apart into separate pieces.',
    },
    {
      id: 'groep',
      term: 'Group (community)',
      uitleg:
        'Partners with many more ties among themselves than with the rest. Wijkweb finds them by itself (Louvain).',
    },
    {
      id: 'dichtheid',
      term: 'Density',
      uitleg: 'The share of all possible ties between partners that really exist, from 0 to 1.',
    },
    {
      id: 'stuurgroepmoment',
      term: 'Steering group moment',
      uitleg:
        'A saved state of the social map, the network and the gaps. The next report shows what has changed since.',
    },
    {
      id: 'kleine-aantallen',
      term: 'Small counts (<5)',
      uitleg:
        'Counts of 1 to 5 show as <5 in everything that leaves Wijkweb, so nobody can be recognised. Sometimes a second number is hidden (x), so the small count cannot be worked out.',
    },
  ],
};

export function handleiding(taal: string): Handleiding {
  return taal === 'en' ? EN : NL;
}

/** Text without diacritics and in lower case, to search in. */
export function zoekVorm(tekst: string): string {
  return tekst
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A text's plain words ("[[hiaat|hiaten]]" → "hiaten"). */
export function platteTekst(tekst: string): string {
  return tekst.replace(/\[\[([^|\]]+)(?:\|([^\]]+))?\]\]/g, (_m, id: string, woorden?: string) => woorden ?? id);
}

function blokTekst(b: Blok): string {
  if ('p' in b) return b.p;
  if ('lijst' in b) return b.lijst.join(' ');
  if ('stappen' in b) return b.stappen.join(' ');
  return '';
}

/** Sections and terms that contain every word of the query (accents and case ignored). */
export function zoek(h: Handleiding, vraag: string): { secties: string[]; begrippen: string[] } {
  const woorden = zoekVorm(vraag).split(/\s+/).filter(Boolean);
  if (woorden.length === 0) return { secties: h.secties.map((s) => s.id), begrippen: h.begrippen.map((b) => b.id) };
  const past = (tekst: string) => {
    const t = zoekVorm(platteTekst(tekst));
    return woorden.every((w) => t.includes(w));
  };
  return {
    secties: h.secties
      .filter((s) => past([s.titel, s.vraag ?? '', ...s.blokken.map(blokTekst)].join(' ')))
      .map((s) => s.id),
    begrippen: h.begrippen.filter((b) => past(`${b.term} ${b.uitleg}`)).map((b) => b.id),
  };
}
