Skupina mužů nakládá bavlnu na náklaďák.
Muž spí na gauči v zeleném pokoji.
Chlapec má na sobě sluchátka a sedí ženě na ramenou.
Dva muži rozdělávají modrý rybářský stan na zamrzlém jezeře.
Plešatící muž má na sobě červenou záchrannou vestu a sedí na malé loďce.
Dáma v červeném kabátě drží modravou kabelku pravděpodobně z Asie a skáče do vzduchu kvůli snímku.
Hnědý pes běží za černým psem.
Malý chlapec v dresu Giants odpaluje baseballovou pálkou příchozí míč.
Muž telefonuje v přeplněné kanceláři.
Usmívající se žena v broskvové topu drží horské kolo.
Malé dítě stojí samo na rozeklané skále.
Osoba na sněžném skútru uprostřed skoku.
Tři malé děti stojí okolo bílomodrého sudu.
Žena sedí u vystavených sušených květin na venkovním trhu.
Žena hraje píseň na housle.
Tři lidé jedou na dvou terénních motorkách a jedné čtyřkolce v suché trávě.
Polonahý muž spí venku na židli.
Skupina lidí na parkovišti stojí před chatrčí.
Mladá žena vyrábí koberečky v deštném pralese.
Tři holky se ksichtí a jedna pije, když stojí na rušné ulici.
Muž v černém tričku stojí nad davem v rušném baru.
Žena a muž jsou přes dřevěný provazový most, který má vedle sebe výstražnou ceduli.
Muž v sukni skáče a do toho žongluje s noži.
Asiatka v zeleném klobouku a zástěře servíruje nápoje na tácu.
Dělníci stojí na nějakém stroji.
Dva psi s oranžovou hračkou ve vysoké trávě.
Roztomilé mimino se směje na další dítě.
Tři muži jdou po silnici v horách.
Člověk parasailuje na velkou vodní plochou.
Bagr jede hlínou při stavbě opěrné zdi.
Holčička běhá v parku.
Člověk přechází silnici a vyhýbá se vylité barvě.
Dítě si hraje na hřišti, visí z tyčí.
Člověk má na sobě červené tričko s dlouhým rukávem, leží na zdi před lampou velmi neobvyklým způsobem.
Skupina lidí se shromáždila okolo muže v obleku a malého kluka.
Žena sedí v tmavém baru.
Lidé jdou po chodníku a prochází venkovním trhem.
Muž s modrým batohem si čte noviny, když čeká na metro.
Velký hnědý pes strká čumák před rozstřikovač.
Blonďatý chlapec v modrém tričku stojí a usmívá se před výrobkem ze zelené nylonové látky.
Malý bělošský chlapec zametá podlahu terasy velkým koštětem.
Osoba se chystá hodit zelenou bowlingovou kouli po dráze.
Skupina hraje rock návštěvníkům baru.
Postarší muž se prochází se psem na červeném vodítku.
Muž řídí červené staromódní závodní auto.
Mladí dospělí v červených, žlutých a černých tričkách v řadě předvádí své číslo.
Mladý chlapec hází kámen do stojaté vody.
Dvě ženy s krátkými vlasy jsou otočené k sobě a ta blonďatá něco říká.
Postava v důmyslném kostýmu před výrazně zdobenou stavbou.
Pes jde malým potom s hadrem v tlamě.
Tři malí psi u něčeho čuchají.
Dva muži pádlují na kajaku v řece se zelenými stromy na obou březích.
Dvě holky jdou po ulici.
Skupina dětí sedí vzadu v dodávce a spolu se dívají na knihu.
Lidé na pláži si prohlížejí obraz srdce namalovaný na obloze.
Dívka sedí pohodlně na veřejném místě, čte si a udržuje knihu otevřenou rukou, na které má prstýnek s motýlem.
Muž má oběd v restauraci.
Muž v obleku a brýlích má nějaký předmět v rukou.
Muž v černém neoprenu surfuje na vlně.
Žena s růžovou kabelkou sedí na lavičce.
Tři ženy se usmívají a sedí.
Červené letadlo přelétává nad lodí a zanechává při tom růžovou kouřovou stopu.
Muž při sportovním lezení šplhá na skálu.
Dva stavební dělníci pomáhají nakládat náklaďák na městském staveništi.
Žena v barevném oblečení prochází kolem bílé dodávky s kanystry.
Žena v modrém klobou a žluté sukni skáče u lilií.
Muž ve zlatém oblečení stojí u svého starého kola.
Mimino se dívá na listy na větvi stromu.
Uklízeč se chystá vytírat stanici vlaku.
Dva malí černí kluci si hrají s láhvemi s umělé hmoty a náramně se baví.
Na semaforu svítí zelená a lidé se dívají na motorky.
Dva lidé šplhají na skálu po provaze.
Muž a žena rybaří na pláži.
Dítě dělá salto, když skáče na trampolíně.
Děti jedou na řetízkovém kolotoči
Dva lidé drží vzhůru nohama obří glóbus s průměrem asi čtyři stopy a dítě vypadá, že skáče přes Antarktidu.
Dva muži z armády hrají baseball.
Žena v černých šatech tlačí vozík s termoskami dlážděném chodníku.
Policista zastavuje auto na kraji silnice.
Muž stojí na molu vedle lodi na klidném jezeře.
Skupina skotských důstojníků na přehlídce.
Žena a dítě spolu sedí v rámu dveří u šedého a muž jde okolo.
Osamocený hasič pomáhá zkrotit veliký oheň.
Osoba ve fialovém tričku maluje na zeď obraz ženy.
Malá dívka leží na podlaze a její mladší sestra dělá, že je zdravotní sestřička.
Mladší a starší žena v tradičních šatech u kolovrátku, tři lidé v moderních šatech jsou od pasu dolů zobrazeni v pozadí.
Žena jde hlubokým sněhem ze strmého kopce.
Řidič FedExu poslouchá dělníka v zelené helmě, zatímco se nakládá vybavení.
Hnědý pes má na sobě černý obojek.
Hnědobílý pes běží dolů po žlutomodré rampě.
Dítě se chystá číst knihu.
Starší Japonec se pokouší opravit malý červenošedý stroj.
Malé dítě a žena stojí vedle kohouta v kleci.
Dítě převlečené za Spidermana zvoní na zvonek u dveří.
Muž v hnědém drží světelný meč.
Mladá žena stojí a zpívá do mikrofonu, zatímco muž za ní drží kytaru.
Dvě děti hrabou díry v hlíně.
Hodně těchto lehátek je prázdných a leží na nich jen hrstka lidí, kteří si užívají sluníčka.
Nějací muži sedí na lodi u pláže s naskládanými kládami a klacky.
Mladý muž nese něco ve velkém černém igelitovém pytli na odpadky.
Starší muž s nadváhou obrací palačinku při přípravě snídaně.
Muž ve žlutém obleku na pódiu s piánem a další muž hrají na basu.
Několik lidí stojí u stromů za úsvitu.
Hnědý pes kouše velký kus dřeva.
Turista pózuje ve vyprahlé horské krajině.
Skupina dětí si hraje ve vodě pod mostem.
Žena se směje vedle muže, který se také směje a drží cukrovou vatu.
Dvě ženy stojí před třídou dětí a mluví o knížce.
Dvě brunetky hovoří ve třídě plné blonďatých dětí.
Člověk, který má na sobě čepici a šálu, se dívá doprava.
Dva lidé jdou přes ulici.
Starý muž drží jednoho, zatímco další jeho pes mu šplhá do klína.
Tři děti se dívají na muže, který hraje na pódiu na kytaru.
Chlapec si bere kolík od dívky uprostřed závodu.
Modrý jeep jede do hluboké, bahnité vody.
Dáma s černým kloboukem fotí a padá sníh.
Muž sedí na zemi a hraje na kytaru.
Pes šlape do mělké vody ve skalnatých horách.
Mladá Asiatka skáče do vzduchu v části města, kde je hodně lidí.
Tři muži hrají na pódiu.
Čtyři lidé protestují proti tomu, jak Equinox zachází s mladými dělníky.
Muž dělá hamburgery na černém grilu.
Muž v kšiltovce se opírá o slabou tyč.
Malý chlapec ve žlutém tričku visí na kruhu a okolo jsou ostatní děti.
Malé dítě jí ovoce a pije sklenici džusu.
Jeden muž a dvě ženy v šortkách jdou po ulici.
Dva pudli běží sněhem.
Malá zrzavá holka má na sobě oblek Spidermana a jede na hračce koně.
Muž v bílé loďce na rybníku.
Lyžaři před chatou.
Lidé jsou fotografováni při horolezení nebo horské turistice.
Několik lidí plave ve vodě.
Ženy v plavkách hrají za slunného dne plážový volejbal.
Muž a žena sedí naproti sobě u stolu v restauraci.
Matka a dvě děti pózují a dělají vtipné obličeje.
Zlatý retrívr plave ve vodě s červenou hračkou v hubě.
Čtyři muži stojí u žlutého auta.
Skupina mužů, žen a dětí v kloboucích se baví na pláži.
Malý kluk v dupačkách leze po hnědé podlaze.
Malá holčička dává dar armádě spásy vedle vstupu do obchodu, kde jsou plastové nádoby.
Žlutý pes nese míč v tlamě na pláži.
Muž v červeném triku a dvě děti stojí před starou budovou.
Muž se dívá na ženu, když jsou na baru.
Kapela hraje na venkovním pódiu u řeky.
Dvě ženy se usmívají na společenské události.
Žena má na sobě růžové tričku a muž v pruhovaném svetru ji ukazuje nějakou práci s jehlicí.
Dítě sedící na skále.
Muž sedí na židli s pivem v rukou a opéká si něco k jídlu na dřevěné tyči.
Policista v uniformě má sluchátko.
Muž v hasičském oblečení přechází ulici v blízkosti bílého autobusu a červeného nákladního auta.
Černobílý pes plave v čisté vodě.
Hudební skupina hraje na pódiu při koncertě.
Tři lidé hrají na hudební nástroje a další člověk vypadá, že zpívá.
Muž hraje na klávesy a zpívá do mikrofonu.
Malý chlapec skáče do vody.
Žena si čte pohlednici, sedí na konci gauče a další žena stojí vedle ní a drží sklenici s pitím.
Dělníci na stavbě tvrdě pracují.
Muž se holí a sedí na pláži u oceánu.
Blonďatá žena v modrém triku rozbaluje čepici.
Dva muži si povídají za varhany a osamocená žena stojí po jejich pravici.
Mladý blonďatý muž mluví do mikrofonu.
Hotelový zřízenec v plášti tlačí náklad zavazadel.
Pres se krčí mezi rostlinami a dívá se do foťáku.
Hudební skupina vystupuje na pódiu před davem lidí.
Tři psi si hrají ve sněhu.
Muž a žena stojí u stromu a hovoří spolu.
Pes skáče za žlutočerným míčem.
Starší žena v šedočerveném svetru vaří pokrm.
Žena v kabátu je před domem a sněží.
Žena nese další ženu na zádech, mají na sobě cvičební úbory.
Dítě stojí vedle kočárku a drží meč.
Chlápek s kudrnatými vlasy skateboarduje po rampě se žlutými písmeny.
Muž kutálí kulatý stůl po podlaze.
Skupina lidí ve člunu na moři.
Muž ve žluté košili stojí na chodníku a něco měří.
Žena v modré košili a džínách vyhazuje něco do popelnice.
Žena v masce dominy drsnými vlasy je na večírku.
Osoba parasailuje na hřebenu vlny.
Muži v modrých uniformách sedí v autobuse.
Auto ATV se snaží dostat z díry.
Muž sráží dalšího, když hrají fotbal.
Fotbalový hráč v červeno-bílém hovoří s trenérem.
Dvě dívky sedí u zdi a dívají se na zápas.
Trenér OU má na hlavě sluneční brýle v průběhu fotbalového zápasu.
Fotbalový tým má na sobě červená trička a červené helmy.
Kluk v černém oblečení dělá hvězdu na pláži.
Pózují na fotku.
Muž v zeleném tričku dává pusu batoleti, když sleduje běžce na trati.
Pět členů kapely hraje píseň.
Tři ženy sedí na zemi dece s dítětem a baví se.
Muž s chlapcem sedí u oltáře a drží zvonky.
Muž ve slunečních brýlích pomáhá dítěti ve slunečních brýlích sjet dolů skluzavce.
Pes běží trávou k fotografovi.
Dívka s dlouhým copem je připravená hodit míč další hráčce na hřišti.
Dva muži zápasí na žlutomodré podlaze.
Dívka v červenomodrém dresu a modrých šortkách je připravena k hodu míčem.
Sedící muž pracuje rukama.
Hnědý pes běží po pláži a nese klacek.
Osoba vesluje na vodě.
Muž v červenobílé pruhované košili sedí na stoličce u stánku s párky v rohlíku.
