Dva mladí bílí muži jsou venku poblíž mnoha keřů.
Několik mužů v ochranných přilbách obsluhují velký kladkový systém.
Malá dívka leze do dřevěného hračkového domu.
Muž v modrém tričku stojí na žebříku a myje okno.
Dva muži připravují u sporáku jídlo.
Muž v zeleném drží kytaru zatímco další muž pozoruje jeho košili.
Muž se směje na vycpaného lva.
Modní dívka mluví do svého mobilního telefonu zatímco klouzá pomalu po ulici.
Žena s velkou kabelkou jde u brány.
Chlapci tančící na tyčích uprostřed noci.
Baletní třída pěti dívek skákající v řadě.
Čtyři kluci, tři nosící čepice, jeden ne, skáčou z vrcholu schodiště.
Černý a flekatý pes bojují
Muž v neonově zelené a oranžové uniformě řídí zelený traktor.
Několik žen čeká venku ve městě.
Dáma v černém vršku s brýlemi cukruje bábovku.
Malá holčička sedí před velkou namalovanou duhou.
Muž leží na lavičce, ke které je také přivázán bílý pes.
Pět lidí s nástroji sedí v kruhu.
Parta starších lidí hraje společně na klarinety, zatímco čtou noty.
Velká stavba se rozbila a leží na vozovce.
Velký dav lidí stojí venku před vchodem do stanice metra.
Muž si nechává dělat tetování na svá záda.
Dvě děti sedí na malé houpačce v písku.
Muž, který je oblečený do reflexní vesty a ochranné přilby, drží vlajku na silnici.
Osoba oblečená v modrém plášti stojí na rušném chodníku a studuje obraz ulice.
Muž v zelených kalhotách, který jde po ulici.
Malé dítě leze na červená lana na dětském hřišti.
Ty víš, že vypadám jako Justin Bieber.
Mladý muž v černo-žluté bundě na něco zírá a směje se.
Muž, který stojí u pisoáru s hrnkem kávy.
Pět lidí, kteří jdou s barevnou oblohou v pozadí.
Starý muž, který pije sám pivo.
Vycvičený policejní pes sedí vedle svého trenéra před policejní dodávkou.
Osoba, která jede na kole po zasněžené cestě.
Pět mužů, jednotně oblečených v bílé košili, kravatě a černých volných kalhotách hovoří u zadní části otevřené dodávky.
Muž s čepicí kšiltem dozadu pracuje se stroji.
Černá žena a bílý muž pracují v továrně a balí sklenice se svíčkami do krabic.
Asiský muž, který zametá cestu pro pěší.
Muž se naklání do auta a mluví k řidiči a muž na kole se na to dívá.
Dvě mladá batolata, která jsou venku na trávě.
Lidé sledují osobu v divném vozítku na náměstí.
Muž kráčí kolem stříbrného vozidla.
Krásná nevěsta, která jde na chodníku s svým novým manželem.
Malý chlapec hrající kostičky v McDonaldu.
Bílý pes se třese na břehu pláže s oranžovým míčem.
Skupina lidí griluje v parku.
Muž ve slunečních brýlích dává svou paži okolo ženy v černo-bílé halence.
Muž s kloboukem z balónků a lidé, kteří jedí venku u piknikových stolů.
Chlapec překopává dřevo nad třemi dětmi při soutěži v Taekwondu.
Chlapec v červené bundě, který lije vodu na muže v bílém triku.
Muž v červené bundě si stíní před sluníčkem a zkouší číst kus papíru.
Muži, kteří se procházejí ulicí s dětmi.
Malý chlapec stojí na ulici, zatímco muž v montérkách pracuje na kamenné zdi.
Černý pes přeskakuje přes kládu.
Muž v obleku běží okolo dalšího pána, také oblečeného v obleku.
Muž v červeném triku, který jede na svém kole okolo vody.
Bosonohý muž, který má olivově zelené šortky, griluje párky na malém propanovém grilu, zatímco drží modrý plastový hrnek.
Pes běží ve sněhu.
Dav stojí a čeká na zelenou.
Muž na lyžích, který se dívá na umělecká díla k prodeji ve sněhu.
Sedm horolezců stoupá na stěnu, zatímco další muž stojí a drží provaz.
Mladé ohebné tělo gymnastky se vznáší nad kladinou.
Mladý chlapec tlačí hračkovou čtyřkolku okolo gumového bazénu.
Žena v červené větrovce, která se dívá střešním dalekohledem na město dole.
Muž stojí před malým červeným předmětem, který vypadá jako letadlo.
Pes si hraje s hadicí.
Muž a malá dívka šťastně pózující před svým košíkem v supermarketu.
Bílý pes se chystá chytnout žlutou psí hračku.
Muž v zelené mikině s rukou zakrývající část obličeje v restauračním boxu.
Černo-bílý pes skáče směrem ke žluté hračce.
Dva turisté odpočívající u plochy sněhu.
Muž, který ukazuje svůj nový dřevěný výtvor.
Starší otec a jeho dospělý syn připravují na kempování v přírodě.
Vousatý cestovatel v červeném triku, který sedí v autě a čte mapu.
Mladý chlapec mává rukou na kachnu ve vodě obklopené zeleným parkem.
Pár sedí na trávě s miminkem a kočárkem.
Nějací muži stojí před budovou vedle zaparkovaného auta.
Černý pes běží vodou.
Muž vrtá skrz zamrzlý led rybníka.
Dva velcí světlehnědí psi si hrají podél písečné pláže.
Osoba v modrém a červeném šplhá s dvěma cepíny.
Tři lidé, kteří jdou po pěšině na louce.
Muž v černém oděvu odhazuje sníh na ulici, bez ohledu na veřejnou bezpečnost.
Pár stojí za svým svatebním dortem.
Mokrý černý pes nese zelenou hračku trávou.
Vesničané prodávají svou úrodu na trhu.
Na přelidněném koncertě, muž v bílém se přibližuje k hlavnímu zpěvákovi, který nosí žluté triko.
Chlapec skáče na svém skateboardu, zatímco dav se dívá.
Muž a malé dítě jsou ve žlutém kajaku na vodě.
Dva lidé sedí na lavičce a jedna žena stojí u nich.
Staveniště na ulici, kde pracují tři muži.
Dva muži, kteří sedí a hovoří na lavičce s billboardem s reklamou na brýle v pozadí.
Skupina mladých pochoduje po ulici mávajíce vlajkami, které ukazují barevné spektrum.
Tři staří muži sledují dalšího muže jak připravuje rybu.
Žena v bílém tílku se zelenou kolovou sukní, která zpívá píseň na jevišti.
Dva muži a dvě ženy sedící venku na schodech.
Hnědý a černý labrador jsou venku a černý labrador chytá hračku do své huby.
Chlapec v červené bundě, který je hokejový brankář, dřepí u brány s hokejkou.
Muž s batohem sedí na dvorku budovy před uměleckou sochou a čte.
Chlapec v batolecím věku v červeném klobouku držící se nějakých tyčí.
Tři psi stojí v travnatém poli, zatímco osoba klečí nedaleko.
Muž stojí před mrakodrapem.
Žena se prochází se svým dítětem v kočárku v místním parku.
Muž v červeném tričku sedí vedle ovoce na prodej.
Mladý blonďatý chlapec a tmavovlasá dívka jí u dětského stolu.
Chlapec jí své jídlo venku u stolu.
Muž, který nosí černou hraje na koncertě na elektrickou kytaru.
Dívka hrající softball zasáhne míč téměř přímo dolů.
Muž černé košili hraje na černě zbarvenou kytaru.
Muž, který nosí černé triko, uhlazuje beton v městské oblasti.
Žena v bílé košili sedí u stolu v pěkné restauraci.
Žena leží na červené dece v parku.
Osamělý muž stojí večer na mostě.
Dítě jde na travnatém poli.
Muž se psem griluje zelené fazolky.
Tři lidé odpočívají na skalní římse nad horami.
Mnoho lidí přechází velmi vysokou lávku se stromy pokrytým kopcem v pozadí.
Mladý chlapec vyhlížející dav v nafukovacích člunech.
Dvě malé dívky a starý muž diskutují.
Asijský muž a blonďatá žena, kteří se drží venku za ruce, muž v pozadí se dívá.
Starší muž s šedými vlasy sedí na židli a hraje na velký nástroj vyrobený z bambusu.
Muž v bílé košili jede na kole na rušné ulici.
Muž stojí na žebříku a maluje cihly.
Třicátník s telefonem v metru.
Dvě ženy jdou po přechodu a v pozadí je autobus.
Skupina lidí jí nudle.
Žena nese mísu plnou ovoce na své hlavě blízko oceánu.
Chlapík v díře, který je oblečen v modré.
Čtyři děti se smějí, zatímco společně pózují s kolem, které je pro ně moc velké.
Dva jednotlivci, muž a žena, stojící v lesnaté oblasti okolo vany.
Spící miminko je v něčích rukou a má oblečen růžový pruhovaný oděv
Člen afrického kmene pozorně sleduje fotoaparát v kmenových šatech.
Samurajský bojovník v úplně černých šatech vyndavá svůj meč z pochvy na venkovní tréninkové podložce.
Několik mladých lidí, kteří sedí na zábradlí nad přeplněnou pláží.
Pět turistů, jeden je otočený k fotoaparátu a jiní odvráceni od něj, procházejí skalnatým korytem řeky.
Ochranka stojí u kovové osvětlené sochy.
Dvě ženy, jedna v zelené a druhá ve fialové, které umývají chodník.
Dvě dívky dřepí před nějakými keři a mluví do svých mobilních telefonů.
Mladá dívka pestrobarevně oblečená držící oranžový míč ve své pravé ruce a chodící zelenou trávou za domem.
Mladé dítě si hraje s hračkou, zatímco leží na podlaze.
Malý chlapec, který je skateboardista, provádí kousky se svým prknem, zatímco další mladý skateboardista se dívá.
Dvě děti se smějí v trávě.
Mladá žena, která drží lahev, se natahuje z lavičky aby si potřásla mužovou rukou.
Řidič, který komunikuje svou vysílačkou.
Dívka pádlující po velké řece, jak je vidět zezadu.
Dívka s copánky si hraje ve vodě.
Pár ve svetrech sedí u stolu v restauraci.
Pokrm je na stole v restauraci.
Dva stavební dělníci sedí na ocelovém nosníku.
Dítě radostně míchá těsto v misce.
Dvě děti si za slunečného dne hrají s míčem v blátě.
Malá dívka, který se dívá do brožurky o jízdě vlakem.
Dvě ženy sedí a mluví a smějí se společně.
Lidé, kteří společně běží po chodníku v parku.
Malé dítě skáče šipku do bazénu.
Světle zbarvený pes běží po pláži.
Muž si hoví v dřevěném lavóru s vodou, zatímco jí ovoce.
Muž spí na lavičce nedaleko autobusové zastávky.
Malá dívka v červeném triku a džínách šplhá po malém stromě, zatímco další malá dívka se dívá.
Muž spící v autě, které řídí.
Žena v červeném triku je pod dekou a spí ve voze.
Muž v domácí kuchyni obrací palačinku neobyčejně vysoko.
Několik hasičů zareagovalo na poplach.
Několik hasičů stojí venku z budovy blízko hasičského auta.
Pláž s modrými a červenými čluny, s lidmi na břehu.
Muži, kteří mají helmy a bezpečnostní vesty, pracují.
Prodavačka časopisů sedí za velmi barevnou koláží časopisů.
Muž v ochranné přilbě má modré triko a modré džínové lacláče.
V pekárně, tlustý starší pekař spí, zatímco jeho učeň si vytírá mouku z očí a sedí vedle něj.
Skupina mužů bez košile sedí ve stínu na tropické pláži.
Chlapec v modrých plavkách na pláži.
Lyžař má výhled na zasněženou horu.
Chlapec, který má červená triko jede na svém kole vpravo vedle kupy hlíny.
Cyklisté v cyklistickém závodě projíždějí ostrou levou zatáčkou.
Tři chlapci, kteří si hrají a jezdí na hromadě písku uprostřed.
Starší muž s vycházkovou holí se ohýbá blízko muže a ženy.
Doktor a sestra v modrém operačním oblečení operují.
Černo-bílý pes skáče po žluté hračce.
Huňatý pes pronásleduje dobrmana na pláži.
Muž stojí po odvalení bowlingové koule po dráze.
Starý, větrem ošlehaný, vousatý muž, který je oblečený v černém, jede na krásném bílém oslu na bílých kamenech.
Muž a žena dřímající na modré pohovce.
Muž, který nosí žluté triko hází oštěp na dráhu.
Dav sledující horkovzdušné balóny v noci.
Žena si čte časopis přes rameno jiné ženy.
Dva muži dřepí v noci u rozsvícených svíček.
Mladý muž jde rušnou ulicí vedle nákupního střediska.
Malý chlapec jede při závodě na svém kole.
Skupina lidí, která sedí u stolu v potemnělé místnosti.
Muž se dvěma psy na pláži.
Chlapec je pokrytý mýdlovou pěnou a obličej má očištěný.
Tucty lidí se baví na lodi.
Mladá žena na člunu ve světle barevnách bikinách kopá muže nosícího slaměný kovbojský klobouk.
Chlapec, který se klouže po klouzačce do bazénu s barevnými nafukovacími kruhy.
Muž v neoprenu vyhazuje batole do vzduchu a je připraven ho chytit.
Skupina lidí jede vzadu na terénním autě ve vesnické oblasti dolů ulicí.
Dva kuchaři připravují hamburgery v restaurační kuchyni.
Dva malí chlapci se ksichtí.
Osoba s hnědými kalhotami sedí u oplocené oblasti, ve které létají jiskry.
Žena na kopci u bílého kříže, která má vyhlídku na pláž.
Čtyři dívky sedí v trávě, zatímco několik mužů stojí blízko nich.
Muži odhazují sníh ze železnice.
Muž, dívka a dva koně jsou blízko ohně.
Dělníci, kteří nosí reflexní vesty pracují u vlaku.
Starší muž, který se dívá na klasický, venkovský Volkswagen Brouk.
Žena sestavuje bílý kovový rám na chodníku.
Jsou tam tři psi, kteří zírají na míč uprostřed nich.
Muž bez košile a žena sedící na molu.
Muži v bezpečnostních vestách pracují na trati.
Muž spravuje ulici se svým nářadím.
Žena s nazrzlými vlasy, která si nanáší řasenku na své řasy.
Bílý pes má hlavu na zemi.
Žena v modrých šortkách a bílém triku leze na lezecké stěně.
Mnoho skútrů je zaparkováno na chodníku.
Helikoptéra oblastní parkové policie je připravená k přistání.
Muž v reflexní bundě se staví na lešení.
Skupina čtrnácti je shromážděna v hale s jídelním stolem a pódiem.
Dospívající chlapec skáče na nafukovací klouzačce.
Rodina, která si za krásného dne hraje na traktoru.
Starší žena, která smaží jídlo na pánvičce v kuchyni.
Dva lidé se přiblížili k nápadné mladé ženě oblečené v červených bikinách a červené pernaté čelence.
Dva lyžaři projíždí lesem.
Lyžaři na vrcholu zasněženého kopce.
Hnědý pes, který běží vedle trávy.
Žena v zeleném triku a džínách klečí na vstupním schodišti s kávou v ruce, její kabelka je vedle ní a velké dveře za ní, zatímco vyplňuje papíry.
Lidé přechází ulici na městské křižovatce.
Žena, která je oblečená ve světle fialové a má na sobě s korsáž, spíná ruce do klína.
Matka a děti rybaří v noci na promenádě.
Šest mužů, kteří hrají hru v písku s dřevěnými pádly.
Žena v tílku, která je obklopena třemi dětmi, se směje.
Muž v černém triku a černých kalhotách pracuje na motoru ve starém zeleném automobilu s žlutým kanystrem benzínu stojícím na trávě.
Žena v modré bundě jede blízko vody na hnědém poníkovi.
Dva koně táhnou kočár, který je řízený ženou, přes sněhem pokrytou zem.
Osoba, který šplhá dolů po strmém skalním útesu pomocí lana.
Skupina turistů odpočívá před horou.
Žena, která stojí před křídovou kresbou.
Tři mladí dospělí sedí okolo, s dívkou předstírající kopnutí do obličeje jednoho z chlapců, zatímco se smějí, a chlapec za ním vypadá že je uprostřed věty.
Skupina dětí ve třídě s rukama ve vzduchu.
Muž, který je oblečen v plavkách, skáče z betonové plošiny do velkého množství vody.
Žena úzkostlivě pracující s šicím strojem.
Dáma v bílém triku se dívá na osobu s paží zvednutou ve vzduchu.
Dívka, která pracuje na farmářském trhu a prodává papriky.
Starší žena sedí na židli s vycházkovou holí v ruce.
Chlapec vyfoukl čtyři bubliny na trávník.
Malý chlapec si hraje ve vodě.
Pes běžící z tunelu na překážkové dráze.
Žlutý a černo-bílý pes běží v prachu.
Dva muži, kteří grilují na pláži.
Malá dívka v plavkách s květinovým potiskem skáče do oceánu.
Malá dívka v modrých plavkách, která stojí na zábradlí blízko pláže.
Mladý asijský chlapec sedí na ohradě za řadou barevných čepic.
Bílo-černý pes skáče do bazénu.
Chlapec se směje pod vodou v bazénu.
Dva lidé, kteří sedí v restauraci, diskutují.
Několik lidí si dává přestávku při jízdě na sněžném skútru.
Dva lidé, kteří pracují na odklízení sněhu ze střechy.
Mladý muž nosící černé triko bere skládací židle z velkého stohu.
Žena se prochází za soumraku na městské ulici.
Malá dívka s hnědými vlasy fouká do lístků květiny.
Tři lidé venku na čtyřkolce.
Muž na čtyřkolce letí vzduchem.
Muž na čtyřkolce skáče blízko malé budovy.
Žena s tmavými vlasy, která nosí bikiny, sedí na pláži.
Dvě ruce obrací obracečkou nějaké jídlo v lité železné pánvi
Dvě ženy objímající se na travnatém oploceném poli s krávou v pozadí.
Velká loď se přibližuje k doku s dvěma muži, kteří očekávají její příjezd.
Muž v sandálech a bílém svetru sedí na zelené lavičce, zatímco mluví do svého mobilního telefonu.
Muž na pódiu, který zpívá do mikrofónu.
Tři chlapci jedou na slonovi a v pozadí je budova a stromy.
Mexičan sedí pod kapotou svého terénního auta.
Chlapec ve žlutých brýlích a zrzavá dívka pózují před fotoaparátem.
Skupina lidí se shromažďuje a drží různé typy vlajek.
Bílý malý chlapec, který brečí nad hračkou.
Malý chlapec nese na hřišti fotbalový míč.
Žena sledující jak muž vyškrabává zmrzlinu z mrazáku.
Skupina lidí sedí na stoličkách a jedí nějaké jídlo.
Lidé stojí okolo americké vlajky, která je rozvinutá ve špatném směru.
Mladá dívka malující obraz.
Cyklista jede na kole na zatočené silnici na kopec.
Malá dívka v džínové bundě, která běží polem.
Muž v modré košili a černých kalhotách se dívá na svůj palec na jedné ruce, zatímco drží brýle v druhé ruce.
Pár, který se líbá, zatímco jde nahoru po jezdících schodech
Fotbalista v zeleném dresu s míčem v rukou je držen několika svými spoluhráči, zatímco protihráč v červeném sahá po míči.
Muži staví zeď v poušti.
Skupina mladých přátel, kteří jsou nazdobeni barvou na obličej a pernatými čelenkami, sedí na lavičce.
Dáma má černou tašku přes rameno.
Muž v černé bundě stojí se skupinou lidí za sebou.
Černý pes, který skáče, aby chytil provazovou hračku
Mladá dívka se dívá přes starožitnou videokameru.
Dívka ve zvláštních šatech, která si čte brožurku, zatímco sedí na dřevěné verandě.
Muž oblečený v osobitém oděvu hraje na kytaru.
Hokejový brankář se snaží zabránit gólu od protihráčů.
Dospělý a dítě jdou přes den podél pláže.
Muž v zástěře sedí na obrubníku.
Hnědo-bílý pes, který skáče, aby chytil létající talíř, zatímco publikum se dívá.
Dva tenisoví hráči mluví na tenisovém hřišti.
Dva žongléři používající planoucí pochodně vystupují pro dav lidí, který sedí na schodech.
Dvě děti, které běží bez bot.
Nemluvně sedí na hladkých kamenech a hraje si s nimi.
Chlapec v kšiltovce Gap dělá hloupý obličej.
Pět mužů, jeden nosící bílou košili, který stojí na něčem, věší obrázek dítěte.
Osoba v klobouku si hraje s chlapcem na pláži.
Dívka v zeleném tílku a modrých potápěčských brýlích zadržuje dech pod vodou.
Chlapci na skútru jedoucí po rušné městské ulici.
Dvě dámy a muž, kteří hrají karetní hru a pijí pivo.
Lidé se baví na setkání, kde mají Pabst Blue Ribbon a Coca Colu bez cukru.
Muž v červených botách, bílém tričku a šedých kalhotách leze po skále.
Horolezec leze na velkou skálu.
Malá dívka, která si hraje ve vodě s žabí sochou.
Pes běží po pláži.
Lidé kteří sedí v restauraci a jedí a jeden si čte noviny.
Dívka, která má červené šortky a bílé triko se dívá skrz otvor.
Černo-bílý pták sedící na něčí ruce, která drží slunečnicová semínka.
Žena v bílém triku a růžové sukni se chystá odpálit tenisový míč.
Pes stojí na písku.
Toto je muž, který stojí na střeše se stavbou v pozadí.
Muž se dívá do velkého zařízení, které vypadá jako kamera, na poli poblíž karavanu a nějakých zaparkovaných vozidel.
Malý chlapec stojí v příboji.
Žena v muslimském oděvu jde s mladým chlapcem ulicí.
Malý pes běží po trávníku.
Žena běžící na chodníku vedle vyvýšené travnaté plošiny.
Muž v červených kalhotách, který skáče na stole v parku.
Pes s otevřenou hubou, který běží přes pole směrem k foťáku.
Smějící se dívka, která plave ve venkovním bazénu.
Kolo sedící na ulici s uvázaným lanem a chlapík jdoucí na laně.
Muž a dítě na lodi provádějící údržbu.
Malé dítě, které dělá stojku na posteli.
Muž, který je oblečen do oranžové bezpečnostní vesty, pracuje na opravách ulice.
Muž s bezpečnostní vestou klečí a čistí cihly.
Pracovník dodělává opravy na městské ulici.
Muž stojí na bílém písku a drží snowboard.
Muž v oranžové vestě, který stojí na vrchu budovy.
Chlapík ve žlutém triku a světle hnědých volných kalhotách hraje golf, zatímco dav se dívá.
Mladá dívka v dresu na karate držící velkou trofej.
Dítě s nafukovacími rukávky, které skáče do jezera.
Žena v růžovém krájí hamburger obracečkou.
Chlapec ve špinavém triku jde vodou oceánu, která sahá ke kolenům.
Muž stojící vedle zad nahé sochy.
Malé batole oblečené v bílé se směje, zatímco dáma mu pomáhá mávat vlajkou.
Osoba stojí na stavbě na jezeře.
Mladý muž v šedé bundě stojí za pultem v klenotnictví a směje se.
Lidé chodící nahoru a dolu po schodech do kostela.
Hodně dětí se baví na pobřeží ve městě.
Žena cvičí blízko kraje oceánu.
Dva muži pracují na tesařském projektu s ručními nástroji.
Žena a dvě dívky oblečené do růžové.
Muž v černém obleku s kufříkem, který někam spěchá, zatímco mluví do mobilního telefonu.
Hnědovlasá žena, která jde po ulici s kelímkem.
Holohlavý malý chlapec drží kuře, zatímco v pozadí sedí dva muži.
Muž, který sedí na zdi a dívá se na hladinu vody.
Dva psi běží vodou s provazem ve svých tlamách.
Chlapec se prochází u rybníka v parku.
Světlovlasé dítě s velkým černým kabátem, barevnou šálou a pletenou čepicí stojící před výlohou.
Hnědý pes s tenisovým míčem v puse, ve vodě a ve křoví.
Dva hnědý psi běží vodou.
Dívka, která vyfukuje bubliny v bazénu.
Hromada mořských řas je na písku, za ní běží ve vodě černý pes.
Malý kluk běží se sandály na nohou.
Hnědobílý pes stojí venku, když sněží.
Někdo pracuje na projektu používající vertikální pilku.
Ženský tým v roller derby má přestávku.
Chlapec skáče z jedné postele na druhou.
Muž ve žlutém tričku stojí mezi postelemi a chlapec za ním skáče na postel.
Mladý muž, který drží velkou motorovou pilu.
Muž na motorce bez košile a další muž, který stojí ve stínu.
Tři lidé vstupují do budovy s ručně napsaným nápisem "Vítejte motorkáři."
Muž staví zeď.
Žena s hnědými vlasy se dívá na dítě, které něco jí.
Řada lidí, někteří stojí, někteří sedí, kteří čekají na na nástupišti na vlak.
Dva lyžaři stojí, dva sedí na svahu.
Lidé se procházejí v obchodním domě s barevnými dekoracemi, které visí ze stropu.
Kovářka okovává koně.
Dítě v zeleném jednodílném úboru jde okolo výlohy prodejny.
Skupina dívek povzbuzuje.
Muž, který je uvnitř nákladního auta se dívá ven s levou paží na dveřích.
Dítě vystupující z auta, které má kopačky.
Bílý, mladý muž s dredy a zeleným kiltem sedí na pohovce a usmívá se.
Muž v modrém triku líbá ženu s blonďatými vlasy na tvář.
Muž a žena pózují před fotoaparátem a vypadají společně velmi šťastně.
Dvě děti si hrají na cestě v parku.
Velmi barevný autobus je zastaven na kraji silnice, protože cestující nastupují.
Usmívající se žena drží osobu oblečenou v kostýmu prasete.
Žena, která nosí modrou helmu, jede na svém kole na parkovišti.
Malá dívka, která má na sobě zelené šaty, stojí před kaluží.
Muž, který má helmu jede na kole po ulici.
Mladý chlapec a starší muž, kteří čekají u kasy.
Dva lidé stojí a společně se dívají přes kaňon.
Dáma s helmou držící kolo.
Mladý muž, který stojí před červeným nákladním autem, drží fotoaparát a fotí.
Osoba v modrých trenýrkách a nosí walkman na běhání.
Muž a žena si hrají na stromě, zatímco ostatní se dívají.
Skupina mladých lidí je v garáži.
Tři muži se dívají na znamení na kříži v kaňonu.
Mladá dáma sedí před plotem s kbelíkem.
Žena se snaží schovat práci pod černou mikinou, ale její červené manšestrové kalhoty jí prozradily.
Mladý muž čistící kartáčem sochu.
Dva mladí muži svírající hadry ve svých rukou, zatímco starší muž jim povídá jak umýt velký kříž.
Žena sedí na mužových ramenech a používá těžký kartáč jako kladivo.
Skupina tvořící dřevěný kříž blízko velkého balvanu.
Malý chlapec zvedá malířský štětec a usmívá se.
Čtyři muži v bílých tričkách a baseballových čepicích sedí kolo stolu.
chlapec, který se dívá na nasekanou kládu.
Šedovlasý muž, který vypráví příběh skupině mladých lidí na lavičce.
Dva lidé držící nějaké knihy stojí na poli.
Osoba, která dělá otočku na skateboardu vedle odpadkového koše.
Muž, který stojí na železniční trati se dívá dalekohledem na řeku.
Mnozí lidé sedící na zemi blízko slámové chýše.
Dítě možná hraje fotbal, zatímco je v obleku.
Lidé na kolech čekající na křižovatce.
Stavební dělník staví lešení pro svou práci.
Malé dítě oblečené do zelené a žluté, které má bryndák, pláče.
Muž bez košile, který vede koně, který táhne kočár.
Muž stojící venku bez košile, který se dívá nahoru na budovu.
Mladá dívka se houpe vysoko nad zem v hezký letní den.
Mladý muž dělá skateboardové triky z betonové levičky.
Muž drží síť pro chlapce, který hraje baseball.
Starší muž se krčí, aby zvedl kryt z grilu, kde se griluje několik špízů.
Muž, který má černé triko a ochranné brýle běží podél ulice.
Pět osob chirurgického týmu se chystá provést operaci v nemocnici.
Chlapec stojící na pláži, který drží modrý kyblíček a zelenou lopatu.
Malá dívka se točí ve vlnách v jasném slunci.
Tři lidé sedí venku na malém kameni před velkým keřem, mají na sobě dlouhé kalhoty.
Muž s vidlemi stojí blízko kbelíku větví naproti bytovému komplexu.
Správce sebral vědro plné větví.
Černo-bílý pes dívající se do fotoaparátu s ohnutým mužem v pozadí.
Muž, který má kšandy stojí na vlaku.
Dva muži a dvě ženy připravují v kuchyni velké množství jídla.
Dívka, která se učí o zvířatech v zoo.
Skupina kamarádů rybaří z nakládací rampy.
Matka a syn čtou společně knihu o dinosaurech.
Dvě ženy, které sedí u stolu se zeleným brčkem ve skleničce.
Malý chlapec v kalhotách s laclem, který brečí.
Tři muži připravují sáně na zasněžené pláni.
Osoba sedí za dvěma velkými košíky s chlebem.
Muž v uniformě pilota jde po chodníku a nese zavazadla.
Lidé procházející se podél řeky blízko krásné usedlosti.
Plavkyně, která má plavací čepici a svorku na nose, se pohybuje pomalu vodou a je vidět zespoda.
Čtyři muži sedí a pracují na svých noteboocích.
Muž v baseballové čepici čistí modře zbarvenou jámu, kde barevná vánoční světla visí nad ním.
Dívka, která spí s panenkou miminkem a nosí kostým princezny
Žena umývá venku svého středně velkého psa v plastové nádobě, zatímco přítel ho jistí vodítkem.
Dítě, které skáče do jezírka.
Dítě v černé bundě, červených kalhotách a flísové čepici spí na červené bundě.
Starý muž v hnědém klobouku sedí na lavičce.
Tři děti na trávě, jedno z nich hledající jídlo v kabelce své matky.
Černý muž obsluhuje oranžový jeřáb.
Tři dívky jdou pod pergolou na cestě obklopené stromy.
Pláž je plná lidí.
Lidé se shromažďují okolo a chodí si kupovat vystavené oblečení a další předměty.
Muž, který pádluje s člunem na řece blízko břehu.
Dvě ženy stojí společně a drží hrnec a pánev s jídlem.
Mladá dívka, která nosí žluté žabky, sedí na velkým balvanu.
Světlovlasá žena řídící červenou drožku, drží koneček prstu na své čepici a pózuje před fotoaparátem se zákazníkem sedícím vzadu.
Mladý chlapec s květované zástěře pomáhá své matce vařit.
Mladý muž se ukazuje jiné ženě s dortem se třemi svíčkami na vrchu.
Žena s kloboukem prodává nějaké ovoce a kořenové plodiny.
Osoba, která je oblečená do bundy s kapucí, sedí na sněhu před žlutým stanem.
Dva psi bojují na travnatém poli.
Muž v bezpečnostní vestě klečí a pracuje na vlaku.
Pět stavebních dělníků kope díru na zasazení stromu.
Muž v červeném triku dává hračky malému psovi.
Stará dáma sedící v pokoji plném květin.
5 sportovců, kteří nosí bílý vršky a bílý spodky, cvičí sestavu pro publikum.
Stavební dělníci, kteří stojí venku a dívají se na dráty nad nimi.
Šťastný malý chlapec sedí na židli s velkou panenkou Elmo.
Dítě kartáčuje vlasy kojenci.
Mladý muž se chlubí tím, že předvádí karate překvapené dívce.
Muž, který jí v neuklizené kuchyni.
Dospívající chlapec má stříbrný kroužek, který vyčnívá z jeho nosu.
Tento muž se široce usmívá do fotoaparátu.
Skupina mladých lidí si hrají ve fontáně.
Žena házející létající talíř na pláži.
Tmavě hnědý pes si hraje se světle hnědým psem.
Chlapík v ochranném obleku svařuje ocelový nosník.
Muž v oranžových šortkách staví pískový hrad, který kombinuje více obrazů do jednoho výsledného kde jsou čtyři jeho kopie.
Dva muži a pes stojí mezi zvlněnými zelenými kopci.
Skupina lidí jde po ulici před budovou AMC.
Bílý muž nosící brýle vyfukuje bublinu v domě.
Dospělý ukazuje dítěti šermířský oblek, který je připevněný na stromě.
Velký pes chytá míč na svůj nos.
Muž a dvě ženy, kteří nosí všichni černou předvádějí scénku před budovou se schody.
Dvě děti nosící džíny stříkají na sebe vodu.
Světle hnědě zbarvený pes skáče do venkovního bazénu.
Lidé sedí v kruhu s knihou uprostřed.
Pár, muž a žena, s malou holčičkou, kteří jsou všichni oblečení v svatební oblečení, zatímco stojí podél pobřeží.
Mnoho lidí, kteří chodí pod markýzou z růžových a bílých balónků.
Řada šesti dětí v plavkách se připravují na skok do plaveckého bazénu.
Dva zaměstnanci pekárny, kteří nosí červené zástěry, připravují jídlo.
Malé dítě s červenou čepicí a kachna jsou na trávě.
Rodiče tlačí malé děti v červených autíčkách.
Jeden muž v modrém triku obsluhuje hadici na vodu a další muž v hnědém triku přemisťuje nepromokavé plachty.
Tři chlapci, kteří nosí kšiltovky Florida Merlins.
Rodina, která se vrací z nakupování a pán který si čte noviny na straně ulice.
Dvě ženy, které se drží za ruce ve vzduchu, zatímco skáčou.
Žena nese dítě na ruce a další drží za ruku, zatímco jdou venku vedle budovy.
Pes jde polem.
Rušná ulice s mnoha lidmi stojícími a mluvícími okolo a dva drží kola.
Žena tmavé pleti pouští bowlingovou kouli na dráhu.
Fotbalista v červeném dresu jde po míči a odráží hráče v bílém.
Skupina lidí jde po stezce v lese.
Tři děti si hrají s červeným míčem v parku.
Malý chlapec, který nakopává gumový míč.
Tato fotka muže, který si čte, je nakloněná.
Muž na žebříku, který má modrou bundu a modré džíny.
Tři silničáři v oranžových bundách a kalhotách uklízejí s kolečkem.
Muž na chůdách stojí před řadou bubeníků.
Mladý muž, pravděpodobně v jeho časných dvaceti, ukazuje s pýchou svou kuchařskou dovednost.
Pes teriér si hraje s hračkou na dece.
Pes, který běží přes travnaté pole s klackem ve své hubě.
Chlapec s brýlemi v kostkované košili si čte knihu.
Mladý muž se dívá do knihy na zemi v lesnaté oblasti.
Dva muž stojí ve frontě v restauraci.
Několik dětí sedí na karnevalové atrakci před tváří klauna a několika falešnýma balónky.
Žena se špinavě blonďatými vlasy a brýlemi něco stříhá.
Muž v baseballové čepici a v modrém triku jede na bílém koni dolů špinavou cestou přes bujnou a zelenou přírodou.
Žena středního věku, která vaří, zatímco její pes se dívá.
Zrzavá žena s culíky a brýlemi, která šije na šicím stroji.
Dva muži, kteří se v místnosti dívají na obrazovku počítače.
Šedý pes běží podél okraje bazénu, zatímco žlutý pes skáče do bazénu.
Dítě se klouže na saních dolů z kopce.
Muž a žena se zaklesnutýma rukama (nosící drahé oblečení) vedle skleněné výstavky (možná maloobchod) na chodníku v městském prostředí.
Dva dělníci se lopotí v tavící továrně.
Žena sedí na tranzitní stanici vedle podsvícené reklamy.
Lidé, kteří čekají před budovou vedle nástěnné malby.
Tři lidé tlačí kus velkého stroje ulicí.
Muž, který má triko bez rukávů a helmu na stavbu.
Muž s plnovousem a čepicí prosí lidi o peníze.
Dívka na jednokolce se natahuje po dítěti na koloběžce.
Lyžaři zachyceni na svahu s prašanem tak, že skoro spadnou dolů a zlomí si nohy.
Muž, který má plastový bryndák s krabem, drží nahoře dřevěné kladivo.
Muž skáče z malého kamenného mostu, zatímco na něj dívají tři děti a žena.
Osoba, která sedí na betonové podestě vedle vodní plochy.
Muž hraje na kytaru zatímco pár poslouchá a dívá se na jiného muže, který tančí na hudbu.
Nějací stavební dělníci mají přestávku.
Žena ve světle zeleném svetru si hraje s dračí loutkou na zahradě.
Velké množství lidí sedí opřeno o zdi budov.
Dítě, které drží zelené boty, se prochází v písku poblíž vody.
Svatební den s nevěstou ve světlých, bílých a krásných šatech.
Osoba, která má fialovou bundu, stojí za vysokým stromem.
Zákazníci čekají na obsluhu u okénka rychlého občerstvení.
Žena v květinové košili s kabelkou a muž v černé košili se prochází, zatímco jiný muž jde za nimi.
Pohled z ptačí perspektivy na muže vycházející venku schody.
Muži a ženy, kteří mají bílé plavecké čepice se navzájem nesou na zádech.
Rodina sedí venku v parku a užívá si sebe samu.
Hnědovlasá žena sedí na modré skládací židli a čte si na pláži.
Cestující spěchají do zpozděného vlaku.
Miminko a malé dítě společně sedí na vysoké židli.
Skupina věřících se modlí ve veřejném parku.
Muž sedí před počítačovým monitorem, drží klávesy a dívá se do fotoaparátu.
Dítě leží na dřevěné lavičce.
Muž v červené košili, bílých kalhotách a s kšiltem, který je obklopen diváky, mává golfovou holí.
Dva muži o něčem diskutují blízko zdi s graffiti.
Nějací lidé s černými nebo černo-červenými pásky, předvádí bojové umění na zelené podložce.
Studentka bojových umění se předvádí se zbraní, zatímco ostatní se dívají.
Několik mladých dospělých, kteří vystupují v bojovém uměleckém oblečení.
Mladá žena sedí u prodejního stánku s označením zmrzlin a programů.
Chlapec pózuje pro fotku a v pozadí je muž visící na laně.
Dva lidé sedí zády směrem k cukrové vatě.
Dívka ve žlutých šatech se sluncem svítícím na její tvář.
Osm mužů pracuje s kameny a dlaždičkami.
Dvě ženy, které jsou oblečené v jasně barevných šatech, sedí vedle špinavé cesty a povídají si, zatímco sledují pole.
Dva muži v černém, kteří jí sendvič.
Detail muže v baru, který drží své brýle šikmo před obličejem.
Chlapec sedí na obdélníkovém bloku.
Dítě si hraje na ulici a dělá hvězdu.
Muž sedí za dřevěnou přepážkou.
Muž v černé bundě fotí muže v červené bundě.
Muž v žluté kombinéze, který vesluje ve člunu s ptákem vpředu.
Muž s kloboukem žongluje se čtyřmi míčky.
Osoba v černém klobouku drží různobarevné žonglérské kuželky.
Pět lidí sedí venku okolo stolu a hrají karty
Rodina sedící na lavičce blízko pláže.
Muž a žena mohou společně připravovat jídlo v táboře.
Čtyři turisté stoupají po štěrkové cestě.
Dva afroameričané hrají na své trumpety v hlavním městě s dívajícími se diváky.
Lidé v dálce se snaží vylézt útes.
Dva policejní úředníci se dívají dalekohledem z dálky na dům.
Skupina dětí v hnědých oděvech vystupují.
Dva mladí turisté, kteří používají mapu a kompas k nalezení směru v lese.
Dva muži na kraji nákladního říčního člunu.
Tři děti, miminko ve středu, sedí na venkovní houpací židli.
Dítě stojí připraveno s baseballovou rukavicí.
Dvě holky stojí na trávě naproti sobě.
Skupina lidí, která se prochází po těžkém sněhu.
Dva dělníci, kteří pracují na kraji ulice v neonově žlutých vestách.
Městští pracovníci, kteří opravují beton na silnici.
Stavební personál, který pracuje na několika místech na silnici.
Muž se zrzavými vlasy pracující na svém kole.
Žena sedící na lavičce před velkým obrazem.
Mladý chlapec si hraje na houpačce.
Dva muži v lese, kteří používají řetězovou pilu k řezání nějakých stromů.
Stavební dělníci pracují na silnici v noci.
Muž oblečený v černé bundě hraje na kytaru.
Skupina lidí stojí nebo sedí zvenku kavárny.
Muž s kytarou sedí venku na lavičce s třemi dalšími lidmi, kteří sedí u něj.
Muž a žena rybaří ze člunu.
Mladé dítě drží lžíci u svých úst, zatímco sedí na židli.
Muž ve světle hnědé rybářské čepici dává balzám na rty ženě ve člunu.
Muž nastavuje otočné knoflíky na velkém mixážním pultu.
Černovlasá žena v pruhované košili stojí čelem k nějakým stánkům.
Černý a hnědý pes hrající si ve vysokém plevelu.
Muž v červeno-bílé kostkované košili si hraje v parku.
Dva muži provádí měření zdi na otevřeném staveništi.
Muž v bílém triku hraje tenis.
Hnědý pes skáče do vzduchu na hnědé pláni.
Mladá žena stojí na okenní římse cihlového domu zatímco se dívá dítě.
Dvě dospívající dívky, jedna nosící bílý dres a druhá nosící červený dres, hrají fotbal.
Mladé dítě cucající dudlík a spící na židli.
Muž, který táhne ozdobnou rikšu podél plavebního kanálu, se usmívá a dává znamení palce nahoru.
blízký záběr na dítě na dětském hřišti s dospělým dohledem.
Muž v červeném triku tlačí mladšího muže v bílém triku k modré vycpané podložce.
Tito muži praktikují bojové umění.
Ženy a muži v jiné zemi vypadající jako by tleskali.
Žena nakupuje na farmářském trhu.
Lidé jdou okolo a promíchávají se ve velkém otevřeném prostoru se psem.
Dvě ženy pózují v kloboucích s květinami.
Malá dívka jede na hnědém koni.
Dospívající chlapec mluví ke skupině dospívajících dívek.
Muž sedí u venkovního baru blízko mnoha plechovek od sody a piva.
Tři lidé stojí venku kolem dvou grilů, kde se peče maso.
Asijská rodina si dělá piknik na pláži zatímco ostatní si hrají ve vodě.
Dva muži ve vysokých kloboucích se mračí do fotoaparátu.
Tři lidé sedí na dřevěných lavičkách umístěných na bílých a oranžových kachličkách.
Muž má na sobě bílé tričko a sluneční brýle.
Skupina tří jedinců pracuje v nepořádném kancelářském prostředí.
Chlapec v neoprenu skáče do bazénu s plešatým mužem.
Chlapec skáče šipku ze skákacího prkna do plaveckého bazénu.
Dva záchranáři jsou na místě incidentu.
Muž vyrábějící hliněný předmět na hrnčířském kruhu.
Lidé grilují na pláži.
Žena drží malou dívku, která se snaží chytit bubliny.
Dva muži se poflakují a grilují.
Žena, která hraje na kytaru před skupinou lidí, kteří stojí venku.
Dva psi si společně hrají na zelené trávě.
Umělkyně nahlíží do plánu na svou část komplikované křídové kresby na chodníku.
Muž v práci, porážející krávu.
Muž s velkým perem na klobouku jede na koni.
Dvě osoby nesou velkou nafukovací láhev kolem mladé ženy a zaparkovaného bílého auta.
Tyto dívky jsou v uniformách a hrají pozemní hokej.
bílý a světlehnědý pes skáče vzduchem.
Žena uprostřed házení bowlingovou koulí v bowlingové dráze.
Jeden muž hraje na bicí, zatímco další zpívá karaoke.
Hnědý kůň stojí poblíž černého koně, který sedí na zemi.
Dítě, které si prohlíží pult v pouťovém stánku s různými hračkami.
Muž spí v houpací síti vedle vody a člunu.
Jedenáct malých dívek pózují jako tým v bazénu.
Muž v černém a šedém svetru sedí na stoličce před skupinou klecí.
Velmi neobvykle oblečený muž, který sedí hned vedle chladícího boxu na zmrzlinu.
Muž v hnědém triku sedí na chodníku a hraje na kytaru.
Malá dívka s korunkou, která jí na něčím klíně.
Černo-hnědý pes leží na bílém chundelatém koberci.
Tři dívky sedí na pláži.
Malý chlapec se dívá na svůj odraz na vyleštěné mramorové zdi.
Muži a ženy na motorkách zastavují, aby se na něco podívali.
Malá dívka v růžovém tancuje s rukama v bok.
Muž a žena se těší z cigarety venku před obchodem.
Asijské město v noci s velkým množstvím lidí, kteří se prochází okolo.
Žena v modré bundě se natahuje po dítěti.
Muž oblečený jako kuchař si užívá pokrm a lahev vína v prázdné restauraci.
Muž s knírem v bílém obleční pojídající steak.
Tři muži rychle pracují na přípravě jídla v kuchyni špičkové čínské restaurace.
Muž sedí na skále.
Mladá dívka ve žlutém tancuje na pódiu s baseballovým hřištěm v pozadí.
Děti si hrají v zalesněné krajině blízko vody.
Dívka v růžovém triku leží na zádech v trávě.
Pár drží cedulku, kde je napsáno Vyučování dětí pro mír.
Tři lidé nosící barevné kostýmy a masky, kteří sedí mezi dvěma kamennými sochami.
Muž na kole, který jede dolů po skalnatém kopci.
Tři mladé dívky tančí na pláži v písku.
Mladá dívka v modrých šatech šlapající přes fotbalový míč.
Vrčící hnědo-černý pes zahání hnědou kočku s dlouhými chlupy pod dřevěnou lavičku.
Mnoho lidí stojí a dívají se na něco.
Dva lidé sedí bosonozí ve stanu, jedna s pivem a jedna si hoví a hraje na kytaru.
Muž v šortkách seká dřevo zvenku týpí.
Jeden chlapec v pruhovaném triku a jedna dívka v zeleném triku jedou na kolech s pomocnými kolečky.
Dospělý a dítě sedící na policejní motorce.
Muž bez trička a v klobouku používá kladivo a kovadlinu.
Žena v černém hraje na nástroj typu violoncella.
Dva muži v dřevěném člunu, jeden je oblečen ve žlutém a druhý v černém, cestující na hladké vodě.
Mladý muž se zrzavými vlasy hraje kulečník.
Muž v červeném obleku jede na červené motorce do kopce na motokrosovém okruhu.
Žena, která dává blonďatému batoleti napít z kelímku.
Šest žen sedí společně u stolu před knihovnou.
Lidé prochází u vystaveného spodního prádla, které visí ve stánku.
Dva cyklisté pózují u potoka kvůli fotce.
Dvě děti stojí na zeleném kovovém plotě.
Mladý chlapec se skloněnou hlavou, který má na sobě černo-bílé triko.
Terénní auto právě narazilo do zadní části dalšího terénního auta.
Dva zaměstnanci restaurace vyměňují talíře s jídlem pod neonovou cedulí Mongolian BBQ.
Dva chlapci, kteří si hrají ve vodě, nosí šortky.
Zelený John Deere traktor táhne červený přívěs v poli.
Dvě děti si hrají na provizorní houpačce z barelu.
Různí lidé se poflakují (nebo dělají výtržnosti) na ulici, kde je vidět mnoho kol.
Dva lidé skáčou na pláži.
Skupina mužů v pracovním oblečení dostává instrukce k pracovnímu úkolu.
Tři psi křižují ulici.
Dáma v červeném autě přejíždí most.
Dívka s černou kabelkou sedící na dřevěné lavičce.
Muž v kostkované košili, který připojuje svůj černý laptop k mikroskopu.
Muž maluje na chodníku ve městě.
Dívka v bílém tílku sedí na lavičce v parku se psem vedle ní.
Muž, který jede na kole v zeleném trikotu, drží v ruce nápoj.
Muž hraje na malý, jako kytara vypadající, nástroj a zpívá do mikrofonu.
Žena v šortkách má ruku umístěnou na bílém autě.
Osoba stojí s jednou nohou podepřenou a s předmětem s modrou čárou v levé ruce.
Děti, které si hrají na dětském hřišti na hromadě pneumatik.
Muž v červeném oblečení do sněhu se dívá na plochu se sněhem a horami.
Muž, který je oblečený v bílém tílku, sedí mezi ovocem na nízkorozpočtovém trhu.
Chlapec v červené čepici a černém triku skejtuje blízko červeno-bílého pruhovaného obrubníku.
Malé dítě leze po stěně ve veškerém ochranném oděvu.
Asijská žena v bílém triku stojící mimo dav za ní.
Žena v metru usíná.
Sportovkyně si utahuje tkaničky na kopačkách na hřišti.
Muž ve žlutém tričku a zelených šortkách skáče v obývacím pokoji.
Mladá dívka míchá hrnec lžící v kuchyni, zatímco má na sobě velkou černou deku.
Několik cestujících buď stojí nebo sedí v něčem, co vypadá jako vagón metra.
Chlapec, který zažívá a projevuje se v muzeu.
Gymnasta skáče přes naskládané dřevěné plošiny.
Pes klusá přes půdu s velkým klackem v hubě.
Muž který má ochranné brýle předvádí vědecký experiment, zatímco se žena dívá.
Vysoká muž, který míchá hrnec jídla na sporáku.
Žena je vyslýchána u svého jídelního stolu.
Žena s dlouhými hnědými vlasy a béžovou mikinou s kapucí stojí blízko skříněk.
Muž s rukavicemi pracuje v laboratoři.
Chlapec, který leží na trávě tváří dolů s fotbalovým míčem u nohou.
Žena si upravuje svou ponožku v zaneřáděném parku.
Chlapec a jeho rodina oslavující jeho narozeniny s jasně osvětleným dortem.
Muž, který řídí zelený miniaturní vlak.
Muž v bílém tričku se směje jakoby se na něco díval.
Muž nalévá pití na stole.
Dva psi klušou prázdnou veřejnou oblastí.
Dívka v zeleném triku skáče do vzduchu.
Okolo 12 dětí a několik dospělých je postříkáno zdrojem mimo fotoaparát.
Starý muž v tradičním kostýmu vypadá, že je v radostné náladě.
Žena s blonďatými vlasy krájí meloun na mramorové kuchyňské desce.
Lidé stojí na nástupišti, aby nastoupili do vlaku.
Malý chlapec v modré baseballové čepici sedí na molu a vyhlíží na vodu.
Skupina lidí pozoruje ryby ve velké nádrži.
Čtyři lidé jdou přes tlustou vrstvu sněhu během západu slunce.
Číšník představuje objednávku kuchyňskému personálu.
Žena v modrozeleném triku a béžovém kardiganu se dívá od deskové hry, před kterou sedí.
Lidé čekají ve frontě na svůj oblíbený nápoj.
Vojenský nebo policejní důstojník stojí nablízku zatímco se lidé prochází na veřejném náměstí.
Žena v červených šatech zakrývá oči jiné ženě.
Žena, která čte noviny a muž v zelené bundě jedou ve vlaku.
Muž, který stojí a povzbuzuje mezi ostatními sedícími na stadiónu.
Muž bez košile jde po vrcholu mnoha kamenů.
Chlapec v červeném svetru, který běží po pláži.
Pár, který se prochází na shromáždění s balónem ve vzduchu za nimi.
Muž v černém klobouku jde po ulici.
Muž stojí na ulici a drží ceduli.
Muž na pláži hledá věci s detektorem kovu.
Mladý chlapec, který má modré triko drží zvláštně vypadající předmět aby si ho prohlédnul, zatímco stojí mezi stromy.
Dvě mladé děti stojí na chodbě.
Vodní lyžař dělá salto za lodí.
Malý chlapec sedí na lavičce vedle velkého maskota želatinové fazole.
Dva lidé jedou na wakeboardu ve vodě a jsou taženi člunem.
Muž před listovím sype koření na své maso na grilu.
Chlapec s tmavou kůží, stojící na hlavě s roztaženýma nohama, na konci plujícího dřevěného člunu.
Dva muži hrají hudbu na pláži.
Dvě ženy v barevných kostýmech se dívají na malou dívku, která má na sobě hnědou vestu.
Nějaké děti, které sledují ryby v bazénu.
Rýpadlo je na vrcholu hromady sutin ze zbořené budovy.
Tři chlapci si hrají s pálkami na pláži.
Žena ve světle modré bundě jede na kole.
Někdo je na vyjížďce na svém kole.
Dva lidé v helmách jedou na kole před budovou.
Dva cyklisté vedle nějakých kolejí.
Pár si užívá krásný den jízdou na kole na cyklostezce, mají na sobě cyklistické helmy a rukavice.
Ženy v cyklistických helmách mají přestávku od dlouhé jízdy,.
Muž, který má černou helmu, modrou bundu a khaki košile jede na kole ulicí vedle červeného auta.
Dítě se chystá jet na kole s rodiči
Dva malí chlapci se dívají dozadu, zatímco jdou přes travnatou oblast.
Dítě na malé motorce blízko malého rybníku.
Dvě malé blonďaté dívky v helmách sedí na červené čtyřkolce.
Chlapec v bílém hraje baseball.
Mladý chlapec s vyplazeným jazykem leze na dřevěný stupínek.
Žena stojící za pultem v prodejním okýnku.
Pes, který nosí zelený postroj, stojí ve sněhu.
Žena stojí vedle japonské verze Disneyho Sněhurky.
Žena si objednává jídlo v pouličním kuchyňském stánku.
Psi, kteří táhnou sáňky při sáňkařském závodě.
Osamělý hudebník v černém na pódiu, který hraje na akustickou kytaru a zpívá do mikrofonu.
Malý chlapec v plavkách sedí ve vodě.
Žena v džínách jde po cestě se zeleným zábradlím.
Žena v černém triku objímá muže.
Žena dřepící v trávě se usmívá na malého chlapce, protože se usmívá a zvedá své ruce do vzduchu.
Pes má na zádech červené pásy.
Černý a bílý pes stojí na sněhu.
Pes skáče ve vodě na pláži.
Hnědý, načechraný pes, který skáče do plaveckého bazénu po červené hračce.
Bílý pes, který skáče aby chytil červený míč.
Chlapec skáče v parku z jednoho stolu na druhý.
Dvou a čtyřnozí sousedé se zastavili na návštěvu.
Robustní pár spolupracuje před pruhovaným plážovým stanem na pláži, která je blízko mola.
Mladá dívka se snaží zahradničit.
Dáma, která drží žlutou tašku, sedí na židli v obchodě.
Žena, která se natahuje po světlech.
Tři mladé ženy tančí v přeplněné hale.
Tady se připravují k soutěži tři plavkyně ze stejného týmu.
Dva lidé plavou ve vodě vedle červené bójky.
Dva chlapci stojí vedle hromady odpadků, které jsou na zemi.
Malý chlapec drží zeleno-žlutou houbu zatímco stojí před sporákem.
Žena sedící na bobku čelem k malému dítěti, zatímco drží psa.
Muž, který stojí v díře před ženou na zahradě.
Dělník v modré čepici opravuje zeď.
Žena v tradičním islámském úboru jde přes náměstí s vousatým mužem.
Rodina pózuje na fotografii u večeře.
Žena mluví živě ke svému doprovodu vedle vodní hladiny.
Muž s čepicí, který žongluje před uchváceným publikem.
Muž telefonuje a žena vedle maluje.
Žena, která drží psa na vodítku.
Osoba sedí v kavárně u stolu.
Žena pije ze zeleného brčka.
Muž ve fialové šále a čepici se dívá na peníze, zatímco drží akordeon.
Dáma v červeno-černé pruhované košili sedí na opěrné zdi.
Dav lidí stojí společně na chodníku, zatímco jeden muž fotí.
Žena v brýlích drží červeno-bílou tašku s nápisem výprodej.
Čtyři chlapci utíkají po kamenném dlážděném chodníku.
Žena, která se dívá z okna, zatímco muž se dívá dovnitř.
Turista s americkou vlajkou na svém batohu jde lesem.
Muž v červeném svetru sedí u stolu s lahví vody.
Muž se zástěrou na sobě, který peče něco ve staré žhavé peci.
Tito lidé vaří hodně jídla.
Malá dívka je točena okolo neviděnou rukou.
Muž v kombinéze a čepici obsluhuje velkou cívku lana.
Chlapec v plavkách skáče salto do moře a za ním jsou hory v mlze.
Zakrvácená zraněná osoba sedí s přáteli v čekárně v nemocnici.
Šest mužů svlečených do půli těla stojí venku a opírají se o plot nebo stojí blízko.
Malíř předvádí svůj talent před skupinou lidí.
Chlapec si drží nos a skáče pozadu do jezera.
Malý chlapec táhne autíčko do kopce.
Asijská žena v červeném svetru, která drží své miminko.
Asijský muž vrhá do fotoaparátu ďábelský pohled.
Batole oblečené v dupačkách se natahuje aby vidělo videohru v herně.
Mladý chlapec ležící ve vodě obličejem dolů.
Voda cáká na tři chlapce u zdi seřazené podle velikosti.
Žena s copánky klečí a upravuje vlákna na stroji.
Dva lidé s žlutými batohy jdou do kopce.
V parku plném stromů se protahuje muž.
Různí cestující v autobusu se dívají z okna nebo do dálky.
Dva mužští příslušníci ochranky krotí jiného muže pomocí ramen a paží.
Dva pěší turisté jdou dolů po vyprahlém svahu vedle zeleného jehličnanu.
Chlapec má blonďaté vlasy a špinavý obličej.
Žena se dívá s kamenným obličejem do zrcadla, zatímco si dělá oční linky.
Několik chlapů hrajících fotbal na poli.
Muž v havajské košili hraje na jevišti na oranžovou elektrickou kytaru.
Lidé v přeplněném vlaku nebo autobusu v Asii.
Je tu muž, který se těsně drží na zjančeném koni, zatímco se dav dívá na rodeo.
Dospělý muž oblečený v džínách a černém triku držící nápoj.
Muž má své paže kolem dvou žen, které s ním pózují na fotografii.
Mobilní jídelní stanice, která je postavená aby sloužila stálým zákazníkům na městské ulici.
Žena v červené bundě a její společník svačí.
Velmi mladý chlapec, který se klouže dolů po klouzačce do plaveckého bazénu, nosí plavecké rukávky.
Dívka se zeleným tílkem stojící uprostřed železniční tratě s barevnými vagóny vpravo.
Dívka stojí na vlakových kolejích.
Rybář připravuje své sítě pro další úlovek.
Žena s akordeonem sedí na židli.
Dva šediví psi běží přes pole růžového vřesu.
Mladý chlapec s plaveckými brýlemi, skákající do bazénu.
Lidé pracují v patře továrny zatímco žluté stohy papíru projíždějí kolem.
Mladý bosonohý muž na pláži prořezává strom.
Dvě děti na wakeboardech se pokoušejí o plácnutí do dlaně na pozdrav.
Venkovní kavárna se sedícími lidmi, zatímco muž v bílé košili jde směrem k nim.
Zde je mnoho lidí s černými vlasy, kteří míří do stejných dveří a několik jich vychází.
Několik lidí jde nahoru po schodech.
Muž oblečený ve vínově červené košili a černých kalhotách manévrující loutkou, která drží hudební nástroj.
Dva závodníci řídili bílou motorku po silnici.
Dva chlapci, jeden v červeném a jeden v bílém dresu, bojují o kontrolu míče během fotbalového zápasu.
Muž ve žluté vestě, který zametá chodník.
Asijská rodina připravuje maso na špízy na nočním trhu.
Černý pes plave ve vodě.
Dva muži, jeden stojící a jeden na kole, si povídají mimo budovu.
Skupina se dívá na kreslený film na malém elektrickém zařízení.
Muž s taškou přes rameno, který jde v poušti na písku se stopami za ním a obzor s mnoha bouřkovými mraky.
Usmívající se chlapec běží přes trávník.
Hnědý kůň stojí za dívkou a očichává její vlasy.
Mladí šéfkuchaři aranžují jídlo v kuchyni.
Chlapec cáká vodu pod přístavním molem.
Chlapec cákající oceánem.
Pracovníci obsluhují zákazníky, kteří jsou seřazení před pouličním stánkem Martinovy slavné louisianské párky.
Dvě dívky předvádějí triky na trampolíně.
Dívka v červených bikinách skáče do bazénu.
Muž táhne vozík pokrytý židlemi.
Pes s červeným obojkem a vyplazeným jazykem běží vysokou travou.
Mladý chlapec přikrývající si tvář, zatímco sedí na trampolíně.
Usmívající se žena ve fialovém tričku a modré zástěře si utírá ruce do ubrousku.
Osoba, která se houpe vzhůru nohama ze sloupů.
Muž, který má šedé triko a modré džíny stojí připraven k odpalu golfového míčku na cvičném odpališti.
Dvě štěňata běží přes ploché kameny v zahradní oblasti.
Psi běžící chladným ale slunečným ránem.
Starší černá žena řídí svůj elektrický vozík.
Zeleně obarvená ruka před skupinou lidí u stolu.
Dva muži pracují na vlakové trati.
Malá dívka v komplikovaných zeleno-oranžových šatech pronásleduje růžovobílý balónek.
Tyto dvě ženy se baví, zatímco fotografují.
Muž v červeném triku skáče z velkého skalnatého útvaru.
Několik lidí jede na horské dráze, zatímco různě reagují na průjezd zatočením.
Malý chlapec prozkoumává pole dýní, s některými již v kolečku.
Muž hrající na banjo v parku, zatímco kachna si užívá hudbu.
Dívka ve fialovém vršku a šortkách, nosící klobouk, se směje.
Žena ve vršku od plavek se prochází po pláži.
Muž v tmavé bundě stojí vedle muže oblečeného v hnědém, který sahá dolů do tašky.
Muž na pódiu, který koncertuje pro lidi.
Zmrzlinové nákladní auto je zastaveno před dvěma malými obytnými domy.
Chlapec, který má plavky s nohavičkami stojí ve fontáně.
Mladý asijský chlapec skáče pro radost do jezírka s vyplazeným jazykem pro radost.
Nějaké děti, které si hrají blízko ulice.
Tento chlapec si hraje na dětském hřišti s pneumatikami.
Potápěč s dýchacím přístrojem, který plave hluboko pod vodou s želvou.
Skupina lidí nese věci po úzké cestě.
Hnědý pes sedí v nějaké dlouhé trávě.
Afroamerické miminko se plazí na podlaze blízko stolu.
Muž jde po ulici s malým chlapcem.
Muž nese sud na odpadky okolo sochy anděla.
Mladá žena, která na venkovním trhu kupuje chléb.
Blonďatá dívka v bílých šatech na stromě, která drží ptáka.
Dva lidé jdou bruslit na kluziště.
Malý chlapec a malá dívka leží na černé lavici obklopené dospělými.
Chlapec a dívka si hrají na pláži.
Starší muž má na sobě montérky a drží malířský štětec.
Starý muž dřímá na lavičce v parku.
Muž s modrou baseballovou čepicí spí opřený o skálu.
Pán v tradičním oděvu, který tká deku na poli.
Muž v žlutém triku vysává podlahu zatímco se dívá na fotoaparát.
Mladý afričan pracuje na poli.
Světlehnědý pes jde po travnaté pěšině se svým dlouhým růžovým jazykem, který je vyplazený.
Asijský muž v obleku, který spí v metru.
Žena v bílém tričku něco mixuje na kuchyňském pultu.
Lidé v budově s hlavami dolů s výhledem ven na kola.
Cyklista v červeném tričku je ošetřován městskými zaměstnanci.
Muž ve špinavých džínách na vrcholu lešení.
Dva kuchaři mluví společně za vykachličkovaným pultem v nóbl restauraci.
Žena v bílé zástěře připravuje rozličná masa na velkém grilu.
Muž sedící před velkou ocelovou reklamou Calvina Kleina s dlouhým nástrojem.
Muž a žena, oba nosící šortky, jdou po chodníku.
Dvojice tanečníků vystupuje na červeně cihlové ulici.
Mladý chlapec v bílém triku drží obal.
Muž v bílém triku, který uklízí suť.
Starší muž v oranžové kombinéze drží hadici.
Dva chlapci v popředí při soutěži v karate a trenéři v pozadí dívající se na ně s dalším trenérem sedícím u stolu.
Jednotlivci s balónky podílející se na pochodu.
Lidé, kteří čekají na přejití silnice před lékárnou se světelným nápisem.
Žena s brýlemi pije kávu v kavárně.
Muž v bowlingové dráze je připraven k hodu bowlingovou koulí do dráhy.
Dívka odličuje makeup na svých očích tyčinkou do uší.
Velký černo-bílý pes běží přes travnaté pole.
Muž, který studuje na svou zkoušku venku před knihkupectvím.
Mladý muž v červeném triku, který vaří na pánvi.
Muž líbá druhé na tvář, oba mají na sobě bílé košile a černé vesty.
Skupina stejně oblečených lidí, která jde po ulici v průvodu.
Lidé stojí na barevném balkóně.
Dva muži, kteří bubnují do bubnů a jeden muž, který fouká do trubky, sedí venku.
Farmář venčí prase na špinavé cestě.
Dvě dívky ve světle zelených holinách a žena jsou spolu.
Trh se stánky na kolech, kde se prodává ovoce.
Žena s blonďatými vlasy a slunečními brýlemi sedí u stolu a směje se.
Tři afroameričani z dělnické třídy jsou venku.
Malá dívka se houpá na houpačce pro malé děti na dětském hřišti.
Dívka, která stojí v oceánu.
Dvě děti jsou na pláži a hrají si v mokrém písku.
Mladá žena, smějící se s odstupem, si užívá bublinkovou koupel.
Dítě, které má na sobě plavky klečí v mělké vodě a plní žlutou plastovou loďku mokrým pískem.
Muž tancuje breakdance na podlaze kolem zástupu lidí.
Muž a žena si v teplém dni užívají jízdu dolů po peřejích.
Dívky dělá roznožku na pláži ve dne se zábavním parkem v pozadí.
Muž v oranžovém triku používá škrabku na sítko.
Dvě dívky, které tréninkově bojují s červenou a modrou pálkou, zatímco další dívka je sleduje.
Žena odstrkává mladou dívku na houpačce.
Dva chlapci, kteří pózují v modrých trikách a khaki šortkách.
Skupina lidí čeká na nástupišti, zatímco je míjí vlak.
Malá dívka, která si hraje na chodníku s klackem.
Muž, který tlačí rudl s krabicemi, se ohýbá aby zvedl hrušku.
Pouliční prodavačka stojící ve výloze svého obchodu.
Několik mužů původem z Indie konverzují a jeden, konkrétně, se zdá být velmi nadšený z konverzace.
Ostrovní žena, která vaří venku z ananasu a ovoce.
Skupina lidí v kiltech hraje hudbu, zatímco běžec v černém běží.
Muž, který otevírá troubu na grilu a drží kleště.
Holčička má džínové šaty a drží plyšového medvídka.
Muž chytá slušně velikou rybu a vyndavá z ní háček.
Muž s culíkem a světlehnědým tílkem, který sedí na pohovce a počítá své prsty.
Muž se zeleným trikem na sobě pracuje.
Dvě mladé atraktivní ženy s šortky přechází ulici rušného města.
Muž leze přes skály a sníh.
Na tomto obrázku je mladá dívka cvičící gymnastiku v tělocvičně.
Dva béžoví psi si hrají ve sněhu.
Muž, který se chystá udělat krok z okraje pouštního skalnatého útvaru.
Tři ženy v šatech a šátcích na hlavu venku.
Malý chlapec s kolem stojí před hotelem Kuthhoop.
Sluneční svit za skupinou stromů na dlouhé cestě.
Muž v oranžovém triku fotí.
Dav povzbuzuje baseballový tým.
Muž a mnohem mladší chlapec, oba v kloboucích, se procházejí přírodou.
Malý chlapec tlačí dalšího malého chlapce šplhajícího po tyči.
Muž s bílou košilí a kravatou stojí na chodníku mezi cementovými bariérami.
Chlapec dosáhl vrcholku prolézačky.
Dva lidé v černých vestách stojí před dětmi v bílých vestách s americkou vlajkou mezi nimi.
Muž s meči, který bojuje s ženou s kopím.
Dva muži uprostřed bojového zápasu.
Mladý muž v bílém tričku krájí rajčata.
Mladý chlapec v modrých šortkách leze na skalách podél pobřeží s plážovým hotelovým střediskem.
Muž hraje na saxofon vedle žlutého požárního hydrantu.
Muž na rybím trhu krájí mečouna na steaky.
Pes ve vzduchu chytající červený míč.
Tři ženy v jednoduchém oblečení vaří jídlo ve své kuchyni.
Lidé se prochází a běží po chodníku na mostě.
Dvě mladé ženy jsou po venkovské cestě lemované stromy.
Mladá dívka na pláži, která běží směrem k vodě.
Malý chlapec v modrém triku a zeleném klobouku nafukuje oranžový balónek.
Černo-bílý pes, který skáče do bazénu za tenisovým míčkem.
Malý chlapec běží špatným způsobem po zasažení míče ve hře tee ball.
Osoba v modré košili drží v svých rukou mikrofon.
Muž v bílém a červeném se slunečními brýlemi, který nese a fouká do velkého rohu.
Bosonohá zrzavá dívka, která skáče přes zábradlí.
Žena v šortkách, která hází bowlingovou kouli dolů na bowlingovou dráhu.
Čte noviny a ona se na něho dívá s úsměvem.
Světlehnědý pes na vodítku, který běží v mělké mořské vodě.
Chlapec skáče v lese.
Muž a žena sedí na zemi a jsou obklopeni čluny.
Malý chlapec běžící na pláži do vln oceánu.
Chlapec v modrém člunu, který je spojený s větším člunem, vylévá ven kbelík vody.
Muž, který jde úzkou ulicí.
Mladý muž odpočívá na letištním sedadle s kovbojským kloboukem přes obličej.
Děti rybařící z mostu.
Muž sedí ve stínu na schodech budovy.
Černobílý pes skáče do bazénu.
Černý pes a bílý pes závodí na travnatém poli, zatímco se diváci dívají.
Pěkných pár ptáků venku před budovou.
Golfista se připravuje na ránu na golfovém hřišti, které je obklopené stromy.
Hasič hasí oheň pod kapotou auta.
Lidé shromáždění okolo stolu s mnoha červenými, bílými a modrými dekoracemi v prostorném stanu.
Batole s vejci v misce.
Tři dospívající nesou dřevo po ulici, zatímco se jeden z nich směje do fotoaparátu.
Muž stojí před obloukem vstupní brány.
Mladý chlapec pokrytý inkoustem stojí před bílými dveřmi.
Blonďatá holčička šlape po špalcích postavených v písku.
Mladá dívka s fialovým trikem zalévá trávu.
Kočka se dívá pryč od osoby vedle ní.
Pár čeká na přechodu v jasně osvětleném městě.
Člověk ve žlutém tričku se protahuje na mostě.
Muž s knírem v kostkované košili prodává ryby na trhu.
Pracovníci města dělají údržbu na vlakové trati.
Dítě před svým vlastním odrazem, které se otáčí směrem k fotoaparátu a směje se.
Pracovník nakládající hendikepovaného muže na kolečkovém křesle do vlaku.
Žena, která jde ulicí s mladým chlapcem před ní a utíkajícím mužem za ní.
Žena se dívá znepokojeně a drží vodu před zdí, která je popsaná.
Skupina afrických chlapců se dívá na vodovodní potrubí.
Tři lidé na trávě, jeden hrabající listí, jeden sekající trávu, další stojící u pytle na odpadky.
Chlapec s žlutým trikem a černými kalhotami, který něco sváří.
Muž bez košile leze na skálu.
Dívka se natahuje při hodu při softballe.
Muž vyhazuje malé dítě do vzduchu.
Načechraný bílý pes vychází z modré pruhované překážky.
Dvě děti sedí společně na podlaze.
Malá dívka, která nese kempingové vybavení a vycpaného hnědého psa.
Muž, který nosí zelené triko, vaří na táborovém ohni
Dívka mrká přes listí na stromě.
Motorkář jede nahoru po straně zelené hory zatímco jiná motorka zůstává nehybná.
Mladý chlapec v lezeckém postroji, který šplhá po lezecké stěně.
Muž se brodí vodou a dívá se na vodopád.
Černý pes prochází proudem vody.
Muž surfuje dolů z kopce písku.
Muž s červeně olemovanými brýlemi stojí se složenýma rukama za kovovou mřížkou.
Pes běží zatímco drží předmět ve své tlamě.
Pes s dlouhými chlupy a červenou vestou běží v trávě.
Dva policisté v uniformách si povídají v golfovém vozítku.
Mladší muž ve žlutém triku a světlehnědých šortkách se pohybuje po suchém dvorku s jedoucím traktorem John Deer.
Ochranka se směje.
Dlouhý den způsobuje, že je žena unavená a ospalá.
Krásná hnědovlasá žena zakrytá fialovou, modrou a šarlatovou šálou.
Malý černý pes je v trávě.
Dívka v šedém YMCA svetru, která se dívá teleskopem.
Miminko opatrně zabalené do deky spící v chatrné postýlce.
Mladá dáma, která hraje na kytaru na pódiu v parku.
Tři malí chlapci se koupou v gumovém koši na trávu.
Několik lidí sedí u počítačových stolů v neuklizené kanceláři.
Dívka s dredy na hlavě a klapkami na uších dělá obrovskou bublinu.
Děti a ženy se shromažďují mimo budovu.
Muž leze hračkovým plastovým tubusem směrem k malé dívce s červenými vlasy.
Plešatý muž se mazlí s bílou pandou v zoo.
Muž bez trička v modrém klobouku a slunečních brýlích běží po pás ve velkém množství vody.
Muž v černém triku a klobouku hraje na kytaru.
Muž v bílém triku orá pole s dvěma mezky.
Lidé, kteří si hrají ve vodě s vodním skútrem.
Blonďatý jedinec jede na vodním skútru ve vodě blízko pohoří.
Dva muži, kteří sedí v bílém pokoji, hrají na kytaru.
Tři ženy, které jdou společně po chodníku a jedna má krátkou bílou sukni.
Chlapec drží ruce na své hlavě.
Muž v malovaném pocákaném oblečení mluví do mobilního telefonu.
Muž v okně červeného velkého nákladního auta.
Muž v oranžové pláštěnce diskutuje s dalším mužem, který má pracovní šaty, poblíž kanálového otvoru.
Muž v černém triku stojí před stavebním kuželem.
Rozložitý muž v modrém triku, který se opírá o dodávku před obchodem, který se jmenuje Terrible's.
Kameraman a ženská společnost stojí u vodní cesty.
Duha je vytvořena z nádrže, která stříká vodu na ulici.
Muž s bradkou a černým trikem jde po ulici.
Muž v šedivém triku a čepici držící sbíječku.
Dva stavební dělníci mluví zatímco se dívají na námořní loď.
Osoba provádí skok ze skály na špinavém kole.
Dívka hraje kulečník v kulečníkovém sále.
Muž leze po útesu a dosahuje převisu
Skupina lidí která jde přes lanový most.
Mladý muž, sám na bílé písečné pláži, si užívá svačinu pod plážovým slunečníkem.
Muž vystupuje pro publikum na vysoké jednokolce.
Mladý chlapec běží po hřišti a má jmenovku.
Země, voda a vzduch dělají z toho místo skvělé místo k odpočinku.
Malé miminko, které má modrý spací obleček a dudlík v puse, spí.
Muž a žena jdou společně ulicí.
žena se směje a čte noviny za reklamou na Bud Light.
Dva lidé se dívají přes zeď terasy.
Dáma, která nosí ženský čepec sedí s rukama na svém klíně.
Tři dělníci pracují na kovové střeše.
Žena s roztrhnutými kalhoty leží na zemi s předloktím přes svůj obličej.
Žena která jde s dětmi s pomalovanými obličeji, zatímco nese křičící dítě.
Šéfkuchař s brýlemi peče bagetu v obrovské peci.
Dva lidé před vinárnou.
Muž a žena mluví venku před kavárnou.
Siluleta dítěte hrajícího si na pláži
Muž, který je oblečen v šortkách, sandálech a černém triku, mluví do svého mobilního telefonu.
Dva muži hovoří v kuchyni restaurace.
Mladá dívka sedí na kameni s výhledem na velké pole.
Muž v zelené čepici, který běží.
Dva muži, kteří běží venku za zamračeného dne, jeden má na sobě červenou a bílou, druhý námořnicky modrou a černou.
Malý chlapec ve žlutém triku, který chodí po kamenech.
Dav mužů a žen, sedících a stojících u cedule My žádáme.
Pět asijských kamarádů, kteří společně pózují kvůli fotce.
Čtyři ženy a jeden muž sedící na chodníku se spacáky.
Hodně lidí, kteří jsou společně nabalení.
Tři mladí muži se choulí pod jednou dekou na chodníku.
Dva lidé fotí.
Tři ženy a muž v čepici, kteří sedí v tureckém sedu ve skupině.
Zde je asijská dívka držící zelenou protestní ceduli.
Muž, který nahrává skupinu lidí před transparentem "from New York."
Lidé sedí a stojí na nádvoří nákupního domu.
Muž v limetkově zeleném triku čeká na metro, zatímco žena natáčí pomocí svého telefonu.
Mladí lidé ve žlutých trikách připravují barevné jídlo.
Žena ve žlutém tričku pomáhá malé dívce v růžovém tričku.
Děcka jsou obsloužena zelenými vajíčky a šunkou.
Muž v modrém triku, který drží dítě, zatímco drží kočárek na baseballovém stadionu.
Malí chlapci v bílých uniformách na karate, kteří předvádějí své bojové umění uvnitř.
Dva lidé, kteří jdou ve stínu v jednom směru, zatímco další jdou uprostřed.
Muž a žena s dítětem v kočáru na přeplněné ulici.
Muž se snaží něco střelit, zatímco jeho pes se dívá.
Kůň jde pod mostem vedle lodě.
Mladý muž sedí u stolu s laptopem a se sluchátky do uší.
Muž hraje na banjo na koncertě.
Žena s aktovkou si prohlíží zboží na bleším trhu.
Muž jede na snowboardu přes stavbu na zasněžené hoře.
Hnědý pes leží na modrém prostěradle.
Muž v černé košili čte noty.
Muž oblečený v modré bundě a v brýlích se usmívá, zatímco muž za ním vaří na grilu.
Chlapík v kožené bundě, který prochází kolem krámku.
Skupina kamarádů stojí před uměním, které nasprejovali pro fotku.
Muž dělá kousky se svým kolem.
Žena se dívá na oblečenou, bezhlavou manekýnu vystavenou v obchodě.
Dítě stojící uprostřed polní cesty.
Muž v hnědém triku fotí něco na zemi před ním.
Lidé, kteří sedí před ostatními lidmi.
Muž, který má hnědé triko mluví s ženou, která má květované triko bez rukávů na venkovním hudebním koncertě.
Dvě dívky se na břehu dívají na lidi v rybářském člunu.
Dvě kola stojí za dvěma lidmi, kteří sedí na trávě blízko vody.
Dva stačí muži sedící na molu.
Muž v obleku a dva muži v oranžových vestách stojící okolo.
Malé dítě tlačí kočárek po ulici.
Žena bez čepice při promoci.
Starší muž vyhlíží z balkónu obráceným do ulice.
Tato žena se směje a mluví do telefonu, zatímco sedí na kamenné zídce.
Tři psi na poli se dívají na něco v trávě.
Tři děti, dvě dívky a jeden chlapce, v kimonech stojí na dřevěné podlaze ve velké místnosti.
Žena sedí na květináči v přeplněné kavárně.
Chlapec stojí vedle zábradlí na motokárové dráze.
Bílý pták stojí na dřevěné plošině.
Je tam chlápek nosící chůdy a hrající na trombón před nástěnnou malbou.
Dva mladí kluci, kteří mají jen spodní prádlo, lezou ve vozidle.
Malá blonďatá dívka v růžovém triku se dívá na velkou kudlanku nábožnou na své paži.
Muž oblečený v bílém s brýlemi, který má něco k jídlu.
Muž rybaří z pláže do velkého množství vody, zatímco mladý chlapec nese ne příliš daleko síť.
Voják stojí zatímco pozoruje míjející lidi.
Mladý muž v obleku, který stojí mimo dav, který se zdá být na umělecké výstavě.
Muž, který připravuje ovoce pod stromem.
Černý pes vychází z mořské vody na pláž s něčím v hubě.
Dvě malé děti si hrají na pláži, zatímco muž se dívá.
Skupina lidí sedí na pláži a dívá se na Modré anděly.
Dvě mladé dámy hrají šachy v restauraci.
Osoba, která má bílou košili s dlouhými rukávy tká se žlutým vláknem.
Dvě ženy běží a tři muži se procházejí po prašné cestě.
Toto jsou ženy z hudebního souboru oblečené v černém oblečení s červenou vlajkou před zdobenou budovou.
Čtyřčlenná rodina sleduje leteckou přehlídku.
Osoba, která drží malého psa na vodítku se ohýbá a dívá se na předměty.
Hnědý pes nesoucí černý předmět.
Vyděšený malý chlapec, který je vytahován nahoru z bazénu svým otcem.
Muž, který stojí před několika útesy.
Dva lidé a malý bílý pes si hrají v parku.
Dva muži s dlouhými vlasy sedí na zemi.
Členové dechovky se dívají do not.
Muž hraje hru na diskžokeje v herně s hracími automaty.
Skupina žen v černém hraje na hudební nástroje před velkou budovou.
Jeden muž sedí na vrchu školního autobusu, zatímco další muž, který má stejnou košili, stojí uvnitř.
Demonstranti čekají na policisty, aby slyšeli jejich stížnosti na policejní útlak a brutalitu.
Muž má na sobě kovbojský klobouk a zlatý kříž kolem krku.
Starý a mladý muž pracují na startování kypřiče půdy.
Lidé čekají na svá zavazadla na letišti.
Skupina lidí venku v noci se dívá na vodní kanál.
Čtyři ženy se podílí na synchronizovaném plavání v noci.
Hnědý pes honí světlého v trávě.
Muž v černé čepici a světlehnědé bundě přecházející přes ulici.
Malá dívka v nafukovacím kruhu, která má na sobě bikiny.
Muž, který nosí dlouhé vlasy, šije kostým.
Muž s hnědým trikem drží drát, zatímco další muž se dívá.
Muž v plášti je blízko červené budovy.
Dva muži, kteří jsou oblečeni ve stylu business casual, se smějí.
Baskytarista v červeném tričku hraje a kouří cigaretu.
Muž, který je oblečen v černém a má divnou pokrývku hlavy, máchá tyčí.
Hubená dívka s velkými botami stojí u okraje silnice.
Dvě ženy stojí na člunu a dívají se na vodu.
Lidé dívající se na obrazy na výstavě.
Malá dívka sedí v postroji, připoutána k popruhu, zatímco se ostatní dívají.
Muž, který má barevné triko, drží megafon.
Mladý muž s tmavými vlasy a vousy opéká plátky masa venku na malém grilu.
Uniformovaná žena, která drží fotoaparát, stojí před davem diváků.
Malý chlapec v plavkách se pokouší chytit fotbalový míč, který k němu letí.
Čtyři děti, které se valí a sjíždějí po písečné duně.
Malý načechraný bílý pes jde v zelené trávě.
Malá dívka plácá do dlaně na pozdrav žlutého robota.
Osoba oblečená v modrém tričku a džínách se dívá po stromech na horizontu.
Šedý a černý pes odbíhají po lesní cestě.
Žena a mladý muž sedí u stolu v mexické restauraci.
Horolezec stoupá.
Dáma v černých šatech mluví ke skupině lidí.
Dva muži sedí a pracují na svých počítačích.
Muž, který vylévá na chodník kolečko cementu.
pes běží podél břehu na pláži.
Mladý muž s modrou kravatou, který mluví do mikrofonu.
Několik mladších lidí v tlustém oblečení, kteří jdou po ulici.
Ženy různých etnických skupin stojí v pokoji a drží červené a žluté šipky.
Dva psi, kteří si otřepali vodní kapky na pláži.
Horolezec se dívá přes své rameno na výhled na jezero a město.
Muž, který leze na skálu, se zastavil, aby si rozmyslel cestu.
Nevěsta a ženich se navzájem krmí svatebním dortem.
Pět dělníků sedí před nákladními automobily a jí oběd
Malé dítě mužského pohlaví s kudrnatými hnědými vlasy, které se schovává za krabici na pouličním zeleninovém trhu.
Žena leží na trávě a něco jí před šikmou věží v pizze.
Muž a žena hazardují v kasinu a užívají si sami sebe.
Vousatý muž hrající na akustickou kytaru.
Dítě vede sebe k vytáhnutí na nohy s pomocí gauče.
Muž pracuje s kusem dřeva na soustruhu.
Muž, který má ochranné oblečení obsluhuje stroj se stany v pozadí.
Žena, oblečená ve žlutém bolerku a černých kalhotkách, hraje plážový volejbal.
Dívka se směje, zatímco utíká v plavkách přes bílý plážový písek.
Muž v černém triku, který skáče s hrnkem na kávu plným nápoje.
Muž řídící KitchenAid třídu je oblečený v černém kuchařském kabátu.
Muž připíjí se svým pitím.
Muž v tmavě modrém triku mačká lahev naplněnou zlatě zbarvenou látkou.
Lidé na nějaké akci venku pod stanem.
Skupina dam s počítači sedí za stolem, zatímco lidé na druhé straně něco nakupují.
Muž v bílém kuchařském kabátu, který prezentuje rajčata.
Šéfkuchař mluví k někomu jiném v předváděcí místnosti KitchenAid.
Mnoho lidí je shromážděno pod stanem a dostávají jídlo.
Dítě stojí na straně pohovky a klepe na lampu.
Matka a otec dohlížející na své miminko a zvíře.
Muž pracuje na velmi rozsáhlé, složité a písečné soše na pláži.
Tři lidé spí v hromadné dopravě.
Muž v bundě, čepici a kapuci, který je tváří odvrácen od fotoaparátu, drží své ruce společně nahoře.
Muž a žena nosící šortky stojí na ulici.
Chlapec se ohání baseballovou pálkou a chytač stojí za ním.
Dva malí ligoví hráči jsou na hřišti vedle mety.
Mladý muž se světlými vlasy sedí na verandě a pracuje s barevnými dráty.
Žena v černé bundě se opírá o lampu.
Tmavovlasá žena v černém triku se dívá na stříbrný stroj.
Dvě ženy a dítě v kočárku před obchodem.
Muž v proužkované košili hraje na bicí.
Osoba, která vyhlíží a stojí na vrcholku skály.
Dítě skáče na pískové duně.
Dvě dívky sedící u vody.
Mladý chlapec, který stojí ve třídě a snaží se udělat řemeslný projekt má obtíže, zatímco jeho spolužák se na něho dívá.
Dvě tanečnice na jevišti v klubu.
Džentlmen se směje ve svém autě při jízdě na venkově.
Tři chlapci, kteří rozbíjejí cihly na velmi malé kousky.
Muž v barevné košili a dáma v bílé halence podepisují pro lidi kopie knih.
Tři kuchaři připravující jídlo v kuchyni.
Pět kuchařů stojí za stolem plným dortíků.
Muži a ženy a Michiganská vinná a jídelní ochutnávka.
Chlapec si hraje s roztaženými pažemi na chodníku vedle dlážděné ulice.
Muž v červených plavkách hrající volejbal.
Starší dáma v černém triku přidává ingredience do KitchenAid mísy na míchání, zatímco dav se dívá.
Lidé sedí v baru s mnoha sklenicemi vína.
Sportovní tým složený ze 14 žen, které mají bílá trika a růžové štítky.
Šéfkuchař připravující hamburgery venku na grilu pro sponzory, kteří se procházejí poblíž.
Mladý chlapec v tygřím triku stojí na někom kdo leží v posteli.
Dva muži pracují na střeše budovy.
Lidé jsou na atrakci, která s tebou klesne z velké výšky.
Muž v černém na mikrofonu, v kapele.
Muž a žena jdou jablečným sade a houpou mezi sebou malým chlapcem.
Mladý muž drží nápoj a kontroluje svůj mobilní telefon.
Dva malí chlapci sedí v kovovém rámu a mají na sobě cyklistické helmy.
Skupina lidí, která se zdá, že se dobře baví.
Žena v červené teplákové soupravě, která vymačkává citróny v lisu.
Dívka a chlapec, kteří servírují jídlo na talíř.
Dvě děti s hnědými vlasy v kufru od auta.
Malé dítě drží hlavu svému staršímu bratrovi.
Muž, který má na sobě bílou košili a rukavice, drží kostkovanou krabici.
Pouliční výjev v Asii s chodci a zaparkovanými koly.
Mokrý pes skáče přes překážku.
Žena rychle sahá po mužově noze a dává jí za jeho hlavu.
Žena, v oděvu jeptišky, je prohledávána ženskou ostrahou, zatímco další žena se dívá.
Muž v tmavém obleku dělá rozhlasový pořad.
Rybář navíjí svůj prut, zatímco další odpočívá ve člunu na vodě.
Lidé jsou shromážděni venku na protest, a jedna žena vpředu se směje do fotoaparátu.
Osoba má černý a červený oděv a trénuje boj.
Dítě v ninja obleku provádí kop s výskokem.
Malá holčička přisouvá kufr blíže k otevřenému oknu.
Lidé sedí a leží na schodech.
Muž v bílém triku, který hraje na černo-bílou kytaru.
Muž vedle klauna s dalšími lidmi v pozadí.
Starší dáma sfoukává 9 a 0 číselné svíčky na narozeninovém dortu.
Údržbář pracuje na vnější stěně městské budovy.
Muž ve žluté bundě fotí zatímco se opírá o auto a další muž pracuje na autě na protější straně.
Dva lidé jí pokrm dohromady.
Muž na poli, který má batoh a za ním jsou ovce a hory.
Tři hasiči hovoří vedle hasičského vozu.
Městský trh na ulici stojí v popředí městských budov, které leží v pozadí.
Nějací lidé jsou na dvorku a je tam oheň.
Muž sedí na poli blízko batohu.
Stavební dělníci pracující na velké budově.
Dvě smějící se malé blonďaté dívky v růžových kalhotách se houpají na kovové tyči.
Malý chlapec, který jde s klackem po trati.
Dva němečtí ovčáci si hrají ve vodě.
Pes skáče do vzduchu aby chytil balón.
Malá dívka oblečená ve žlutém se drží dvou červených držadel.
Blonďatá dáma, která sedí s dítětem.
Dítě v modrých džínách a černých ponožkách spí pod růžovou přikrývkou se vzorem s kruhy.
Muž v bílém triku kartáčuje kozu.
Dívka se zavřenýma očima se dotýká chlapcových tváří.
Muž v bílém triku balancuje na vodou naplněných nádržích, ve kterých jsou kraby a ryby.
Skupina lidí sleduje sportovní akci a za nim je nápis Tim Hortons.
Muž stojí a čte něco u zábradlí s vyhlídkou na město.
Mladý chlapec s moukou na tváři míchá těsto v pruhované košili, kalhotách s laclem a v zástěře.
Malý chlapec se drží modrého držadla na molu.
Muž mluví do mikrofonu, zatímco další muž zvažuje situaci.
Muž spí venku na kartonu vedle lahve vody.
Malá dívka oblečená v bílých šatech se chystá pokládat květinové lístky na svatbě.
Skateboardista jezdí na svém skejtu na rampě.
Muž v šortkách stojící na židli, který dělá chýši.
Dva turisté, kteří mají tmavé oblečení, odpočívají na sněhem pokrytém vrcholku.
Muž s roztaženými ušními lalůčky, který má na sobě černou kšiltovku, stojí před vystaveným jídlem na prodej.
Muž rybaří z mola při západu slunce.
Muž leze na vrchol nějakých kovových tyčí, které jsou spojené navzájem.
Malé dítě, které sedí uvnitř lžíce od traktoru a hraje si ve špíně.
Bílý pes s klackem v hubě stojící vedle černého psa.
Pár se líbá, zatímco stojí čelem.
Muž v červené čepici a s propiskou za uchem se chystá něco říct.
Mladá dáma v žlutém krmí dítě u stolu.
Muž, který nosí žlutou bezpečnostní vestu a ochrannou přilbu, řídí traktor.
Muž stojí venku s tenisovou raketou proti zdi ve tmě.
Dvě plážové volejbalistky se čelem k sobě připravují k odbití míče.
Muž drží rybu oběma rukama.
Muž, který má brýle, se dívá na kulatý zrcadlový objekt visící shora.
Pět diváků se dívají na dvě auta závodící na závodní dráze.
Několik lidí sedí na dece v parku s kvetoucími třešňovými květy.
Muž na jevišti, který hraje na kytaru.
Turista jde holou cestou na kopec.
Lidé stojí u pouličního prodavače jídla v parku.
Muž nosící baseballovou rukavici je na poli, naklánějící se na svou stranu.
Šéfkuchař, který krájí okurku na salát.
Přijde mi, že se snaží přijít na jméno toho, co je v lahvích.
Je zde mnoho různých barevných koulí.
Pes se brodí mělkou vodou a drží něco v tlamě.
Muž v žlutých kalhotách, který vystupuje pro dav.
Muž ve žlutých kalhotách tancuje, zatímco se na něj dívá dav lidí.
Osoba s batohem na poli.
Malá skupina lidí sedí v trávě na břehu velké vodní plochy.
Muž, který zírá do fotoaparátu, zatímco krájí citrón.
Skupina mladých lidí stojí a sedí okolo stolu, jedí a pijí jeden s druhým.
Asijská žena, která jí s lžící.
Muž v oranžovém tričku skáče, když hraje na velký buben.
Žena s brýlemi pijící z panáku
Na pouličním festivalu, chlapec a muž vaří něco jako texaské uzené maso, zatímco chodci procházejí kolem.
Starší a mladší muž si třesou rukama na basketbalovém hřišti.
Bílý muž s vlasy a vousy s dítětem na ramenou.
Muž padá ze stropu na vrchol postele.
Malé dítě drží mop vedle pračky a sušičky.
Pěší turista odpočívající na hliněném úbočí.
Tři chlápci grilují na grilu na verandě s bílým plotem.
Blonďatá žena, která si hoví na pohovce, špulí své rty.
Muž na motorce, který jede po suchém poli, má na sobě helmu a batoh.
Člověk jede na špinavém kole přes balvany a vodu.
Dvě malé děti si hrají s velkými kárami v městské oblasti.
Dáma ve vodě bouchá pytlem do kamene.
Taxík s reklamou na Mamma Mia na střeše.
Bílý pes s černými skvrnami chytá červený létající talíř.
Osoba visí ze skalnatého útesu, zatímco se snaží lézt.
Osoba lezoucí na velkou mechem obrostlou skálu.
Osoba stojí na vrcholu skalnatého útesu a vyhlíží do okolí.
Muž leze po laně vzhůru na útes.
Muž, který šplhá po sklále v lese obklopeným světlem.
Šťastný pár si užívá svou venkovní svatbu.
Malý chlapec odpaluje míč z tréninkového stojánku.
Muž ve žlutém triku, který se dívá dolů na zem.
Muž skáče do vzduchu před pobřežní krajinou s vodou a horami v pozadí.
Dva psi ve vodě bojující o klacek.
Tříbarevný pes skáče a chytá růžový létající talíř, který muž v šortkách vyhodil.
Skupina lidí se shromáždila a pijí v baru.
Stavební dělník je uprostřed své práce na domě.
Muž instaluje žebřík uvnitř pokoje.
Skupina lidí, která se dívá na fontánu v městském panoráma s palmami.
Malé děti, které se všechny natahují po neviděném předmětu.
Malá holčička se snaží být jako Spiderman a šplhá rohem místnosti.
Mladá dívka se klouže dolů po nafukovací skluzavce.
Muž se svojí ženou jde ruku v ruce dolů ulicí.
Dva mladí chlapci běží po okraji vody.
Pes si na chvíli dává šlofíka na koberečku blízko své oblíbené hračky, plyšové stonožky.
Automobil Chevrolet na veletrhu.
Šedý pes leze v parku na nízkou větev stromu.
Dvě dívky hrají na oploceném hřišti.
Mladé hnědé štěně táhne za listnatou větev mezi zuby na dvorku.
Muž, který se těší ze svého dřevařského řemesla.
Žena předvádí čerstvě upečený koláč tím, že jej drží nad hlavou.
Žena nosící vysoké podpatky a čepici.
Žena se houpe na laně s vyhlídkou na červený statek a ohrazené pastviny a vysoké stromy.
Mladý chlapec s brýlemi pluje na kajaku v klidných vodách poblíž velkého stromu.
Měření vzdálenosti skoku, Jack Russell teriéra, který chytá létající talíř.
Žena v modré košili vyrábí keramiku.
Dva malí kluci běžící po travnatém poli.
Dva psi si hrají na travnatém poli.
Dívka fotí se svou rukou před objektivem.
Muž sprejuje design do písku.
Dva lidé v zastaralém oblečení pózují před pultem s rychlým občerstvením.
Dvě smějící se ženy sedí u stolu s nápoji.
Dva dělníci jsou na zvedací plošině, jeden, který se vyklání v bezpečnostním postroji a druhý, který se směje do fotoaparátu.
Muž v klobouku a kabátě, který čte noviny poblíž kontejnerů na odpadky a grafit.
Lidé míjejí jeden druhého na rušné městské ulici, zatímco mluví do svých mobilních telefonů.
Dívka s culíkem se směje.
Chlapec sedí v hračkovém autě, zatímco pije ze svého hrníčku s pítkem.
Technik se ohýbá, když spravuje stroj.
Muž v oranžovém triku stojící vedle stroje.
Muž ve formálním oděvu hraje na kytaru a zpívá.
Muž, který vaří s ohněm v pěti hrncích najednou!
Dva chlapci dělají hloupé pózy vedle cedule.
Novomanželé skáčou pro radost na Velké čínské zdi.
Zde je asijská žena stojící blízko košů plných oranžového ovoce.
Dvě ženy leží vzhůru nohama na bílé posteli.
Muž řídí modrý vysokozdvižný vozík skrz dav.
Muž v bílém triku předvádějící triky s jojo.
Mladý muž se dívá do pusy sochy, která vypadá jako ještěrka.
Dva muži sedí vedle sebe na vodě ve člunu.
Dva baseballoví hráči, kteří stojí na prostoru pro nadhazovače, si jeden druhém šeptají.
Velký černý pes honí velkého hnědého psa se zeleným předmětem v puse, zatímco další velký hnědý pes se vzadu přidává.
Čtyři dívky pózují před davem.
Starší muž v zeleném tričku drží foťák.
Tato dáma v potištěných šatech rozebírá jídlo na večeři.
Malý chlapec dělá hvězdy na pláži.
Muž s kozí bradkou jede na jezdících schodech.
Dítě v modré čepici je blízko nenamalovaného dřevěného plotu.
Bílý muž jde na procházku.
Volavka stojí na skále na břehu řeky.
Muž, který pádluje v modrém kajaku ve vodě.
Leštič bot, který leští boty pro obživu, leští černé kožené boty muže v hezkých kalhotách.
Muž, který odkrývá kosti a nástroje z archeologického areálu.
Skupina mužů postává okolo a pije vodu se svými koly.
Africký chlapec řídí spřežení volů po prašné cestě.
Muž hraje na kytaru v parku, zatímco lidé sedí na lavičkách.
Tlustý starý muž usíná na židli.
Muž v bílém triku držící deštník a zmrzlinový vozík.
Muž nosící džíny a šedé triko, který stojí za sprejem pomalovanou cihlovou zdí.
Holčička v pruhovaném tričku drží u pusy housku.
Pět lidí hrající na smyčcové nástroje na veřejnosti.
Osoba v hnědém triku tlačí u moře miminko v kočáru.
Dva lidé v silném oblečení, kteří připravují jídlo na hoře.
Tři muži v rybářských čepicích stojí na kamenech.
Bosonohá žena ve slunečních brýlích sedí na stromě.
Skupina lidí jde na chodníku blízko břehu jezera.
Muž v šedém drží za vodítko svého psa, zatímco jeho syn mu sedí na ramenou.
Muž sedí v místnosti s dřevěným obložením.
Čtyři dospívající ve školních uniformách jdou po cestě v tropech.
Malá holčička s pomalovanou tváří stojí vedle dalšího dítěte.
Dvě ženy jedou na svých tříkolkách.
Černý pes a bílý pes se zdají být připraveni k boji.
Kytarista hraje, zatímco lidé si hrají s obručemi v pozadí.
Mladý chlapec nosící červenou šálu na své hlavě se slovem volný napsaným na jedné tváři.
Dáma v modrých šatech zpívá.
Zpěvačka a její skupina vystupují na pódiu v klubu.
Muž hrající na kytaru se svou kapelou.
Muž, žena a dítě, kteří sedí na pohovce a smějí se.
Mladá dívka visí za lano vedle sítě.
Dívka v modrých džínách a bílém triku balancuje na jedné noze.
Chlapec na houpačce na hřišti v meditativní póze.
Muž nosící zelený dres s číslem dvacet pět kope na hřišti do bílého fotbalového míče.
Muž se dotýká strany svého obličeje.
Malý chlapec stojí vedle okna a pláče.
Muž myje svůj člun na příjezdové cestě.
Muž v zeleném triku a světle hnědé čepici se naklání proti zábradlí v něčí kuchyni.
Žena, která kouří cigaretu se naklání a mluví s někým.
Černý muž sedí úmyslně za svým šicím strojem a je obklopený jasně barvenými tkaninami, které jsou pověšené zvenku na okně štukované budovy.
Muž, který sedí venku a žehlí látku, zatímco tři lidé pozorují.
Dvě mladé dívky sedí v obývacím pokoji, hrají videohry a pijí nealkoholické nápoje v plechovkách.
Malý chlapec se pokouší opravit své kolo.
Černý pes se vynořuje z vody mající v zubech sebraný předmět.
Muž s červenou helmou jede na kajaku.
Muž v kajaku, který pluje v drsných vodách.
Osoba v bezpečnostní vestě, která tlačí do terénního auta.
Tři muži v oranžových vestách vytahují džíp ze škarpy, zatímco další muž sedí vevnitř.
Dva muži nosící bílé kovbojské klobouky.
Hnědý pes běží trávou, držící něco ve své tlamě.
Několik dam jde na pláži bez bot.
Muž, který má záchranou vestu, používá mapu na malém člunu.
Dvě mladé dívky, které nosí růžovou si hrají na dětském hřišti.
Muž v bílé košili hraje na kytaru ženě v bílé košili.
Baseballový pálkař, který zvedá svou ruku.
Ženy nesoucí předměty na svých hlavách jdou prašnou cestou se zelení na každé straně.
Dvě dívky na dětském hřišti.
Muž má bezpečnostní oblek, zatímco trénuje černého psa.
Muž, který má barevné oblečení a bílé sluneční brýle, hraje rukama na velký buben.
Mladý chlapec, který si v bazénu hraje se zelenou vodní pistolí.
Hnědý pes ležící na štěrku s trávou a stromy v pozadí.
Tělnatý muž v oranžové kombinéze stojící vedle ženy v šedém na dálnici, na které leží uprostřed motorka.
Muž řídící traktor táhne zároveň dvě malé děti na projížďku.
Dva lidé se procházejí venku v přírodě.
Muž a jeho pes v horách.
Dva chlapci se dostávají do dodávky a mladší chlapec je v autosedačce.
Skupina dětí, která si hraje s pneumatikami.
Žena, která sedí v metru, drží bílou krabici a zavírá oči.
Dva psi, kteří si spolu hrají.
Černý pes běžící do vody.
Malý pes a velký pes s provazem ve své tlamě.
Muž v obleku jde okolo budovy, zatímco kapota auta odráží zkroucený pohled na budovu.
Osoba s dvěma hůlkami lyžuje po zasněženém kopci.
Sedm lidí jede na zeleném raftu v bílé říční vodě.
Hodně lidí se prochází po parku s hodně stromy.
Žena v bílém vršku a zelených kalhotách manipuluje se zelenou zeleninou.
Muž přechází ulici.
Velká žena s krátkými vlasy spící na židli ve společnosti.
Lidé se procházejí v nočním prostředí.
Muž krájí jídlo a dává je do misek na jídlo v jídelním areálu.
Čtyři lyžaři šplhající na sněhem pokryté hory.
Mladá dívka s blonďatými vlasy a brýlemi, která sedí u stolu v restauraci.
Osoba pluje na raftu v divoké vodě.
Mladý muž v šortkách se dívá do potoka vedle skalní stěny.
Chlapec na zelené plastové houpačce.
Muž v modré košili se chystá přejít ulici, zatímco policejní auto projíždí.
Malý chlapec si hraje u pneumatik.
Žena, která jí nějaké jídlo, zatímco sedí na malé stoličce vedle propanu.
Žena v modrých šortkách, která jde na pláži bez bot.
Dva muži v modrozelených nemocničních oblecích stojí před kavárnou s cedulí otevřeno.
Osoba v kiltu jde po nadjezdu.
Chlapec a batole stojí u vodní fontány.
Skupina lidí jde na pláž.
Surfující, který se vynořuje z oceánu se svým prknem, zatímco vlny se rozbíjejí na břehu za ním.
Pět mladých lidí připravují jídlo v kuchyni, zatímco sledují televizi.
Osamělý horolezec v postroji, který leze velkou skalní stěnu.
Záběr mužských nohou zblízka na pedálu jízdního kola.
Pět mužů myje okna v budovách alpského stylu na pěti žebřících.
Lidé lezou na zvláštní mřížovanou stavbu.
Hnědo-bílý pes, který běží spadaným listím na zemi.
Chlapec jezdí na skateboardu a skáče přes další skateboard.
Zablácené dítě skáče do více bláta na zemi.
Žena v zelené bundě tlačí tlačítko pro překročení ulice.
Starší pár prochází okolo obchodu se šperky za slunečného dne.
Úzký potok protéká mezi listím pokrytými kopci.
Muž v dýchacím oděvu drží krabici.
Dívka na pláži právě vycházející z oceánu.
Mladý muž držící lahev piva a cigaretu stříká tekutinu na dřevěné uhlí na grilu.
Dívka ležící na trávě.
Potápěč s dýchacím přístrojem pod vodou držící ve svých rukou malého korýše.
Holčička běží jasně osvětlenou chodbou.
Mladé asijské dívky odpočívají podél břehu řeky.
Tři lidé pózují před velkou bílou budovou.
Mladí studenti hrají na hudební nástroje v orchestru.
Dva muži jsou v podzemí a zdá se, že jsou horníci.
Muž tmavé pleti hrají na kytaru a muž se slunečních brýlích poslouchá a usmívá se.
Chlapci šplhají po dřevěných kůlech ve špinavé řece.
Starší afroamerický muž ve žlutém triku stojí před informačním stojanem.
Tři starší ženy, které jdou zezadu.
Muž s páskou přes oči se snaží o piňatu, zatímco lidé se dívají z plošiny za ním.
Muž v oranžovém triku, který dřepí a pracuje na černém kole.
Žena v černých šatech stojí vedle růžového kola.
Muž v bílém umývá podlahu.
Žena maluje obraz velké budovy, která je vidět v pozadí.
Děti čtou a píšou.
Muž s batohem a holí zkoumá hornatý terén.
Muži pracují na stavbě.
Skupina žen, které vypadají nešťastně, sedí v kuchyni a mluví.
Dva lidí sedí na skále a vyhlíží na řeku.
Muž sedí na trávě a drží před sebou dítě.
Muž řeže kus dřeva aby opravil plot.
Skupina, která hraje venku před malým davem.
Malý chlapec, který si hraje s kolem.
Dva mladí černoši v modrých džínách sedí před houpací sítí.
Skupina lidí se prochází venkovskou ulicí.
Dvě asijské ženy dokončují úkoly a je tam nádherné bambusové pozadí.
Tři velcí psi běží rychle vedle domu.
Skupina žen jde ulicí, nosící rozevřené deštníky na ochranu před deštěm padajícím z oblohy.
Žena, která dělá suši na kuchyňském pultu.
Hnědý pes jde řekou, která je obklopená křovím.
Mladá africká dívka v bílé židli dělá jiné dívce účes.
Afroamerické dítě v červené flanelové košili spí na houpací síti upletené z provazů.
Malý chlapec se klouže dolů po červené skluzavce.
Žena v zelených šatech, která kouří cigaretu, tančí s partnerem.
Dva mladí muži, kteří skáčou přes dvě velké klády.
Muž dávající malého chlapce v oranžové do dětské houpačky.
Dva muži, kteří bojují, zatímco hrají frisbee.
Usmívající se žena v oranžové sukni drží otevřený kufr, který ukazuje kladivo.
Chlapík dávající pokyny lidem vzadu ve vlaku.
Muž v zeleném triku drží váleček na těsto, zatímco kouří cigaretu v zaneřáděné kuchyni.
Muž, který ovládá soustředěně jeřáb, zatímco je uvnitř ochranné kabiny.
Dva lidé jsou v dlouhém dřevěném člunu na vodní ploše.
Mladý pár užívající si ledovou tříšť na zalidněné ulici.
Mladý muž si dává nahoru svářečskou masku, zatímco malá dívka se na to dívá, balení piva po šesti, gril a křídou napsaná zpráva v pozadí.
Lidé stojí na vlakovém nástupišti a čekají na vlak.
Spící dítě s bryndákem, které leží na dece.
Muž v černém, na městském chodníku, hraje na harmoniku.
Muž sedí u stolu a jí a pije.
Dva potápěči interagují s delfínem pod vodou.
Tři stejně oblečené ženy stojí venku a mluví spolu.
Černé ženy vyrábějí oblečení ve svém domově.
Muž se středně dlouhými vlasy, který má na sobě červenou hučku a modré šortky, klečí na jednom koleni a špachtlí vytváří hrad z písku.
Blonďatý chlapec, který jí sendvič na bílé židli.
Skupina kovbojů čeká na výzvu, aby chytli živé zvíře.
Skupina lidí v bílém stojí s bílými kozami.
Muž a žena sdílejí polibek na pláži.
Žena čistí okna před obchodem.
Street dance na bílé fólii sleduje skupina mladíků.
Zadák se při fotbale chystá hodit nahrávku z konečné zóny.
Malá dívka objímá svého bratra na lávce v lese.
Dívka jde z kopce dolů kolem nějakých zaparkovaných aut.
Chlapec se snaží dát síť na okno.
Mladý černý muž s dvěma zbraněmi mířícími na jeho hlavu
Zadák,v pozici sochy svobody, je držen zezadu protihráčem.
Pes honí kozu okolo dvorku.
Muž ve svěrací kazajce, který se snaží uvolnit, stojí před dítětem s kostkami Jenga.
Malý chlapec je v bazénu s dospělou ženou.
Řídce obývaná herna s mnoho zářivě osvětlenými hrami a několika roztroušenýma lidmi okolo.
Muž nosící maskáčové oblečení řídí motorku přes nějaké kameny.
Čtyři muži si užívají koupání v místním jezeře.
Rodina sedí v parku na trávě.
Dechovková kapela v červené a bílé uniformě hraje, zatímco sedí na stadionu.
Žena s červenými vlnitými vlasy venku fotí.
Žena, která jede na koni v hliněné aréně a nese americkou vlajku.
Malá dívka ukazuje náklonnost ke svému bratrovi.
Tři mladé dívky oblečené v bílých šatech běží směrem k fontáně.
Žena a dítě procházející se u zpustošené budovy.
Malá dívka a pes vedle ní se dívají na něco v potoce.
Malá dívka hází kamínky do potoka.
Velmi mladá dívka, která má růžové puntíkované kalhoty sedí pěšině v lese.
Pes stojí ve vodě vedle trávy.
Muž v modré bundě s dlouhými rukávy křičící strachy.
Žena s nákupními taškami jde v metru.
Žena v tartanových šatech jde po chodníku vedle kamenné budovy.
Skupina v kostýmech zpívá na renezančním jarmarku.
Dvě ženy hrají na klávesy pod osvětleným stanem v noci.
Lidé fotí na vybetonované oblasti.
Malý chlapec se směje a ukazuje, zatímco muž se dívá ve směru pohledu dítěte.
Hnědý pes se chystá kousnou tlapkami potištěný míč.
Dva muži v černých trikách každý stojící na jedné ruce.
Cukráři se postavili za třídění cukroví.
Muž oblečený v červené a bílé hraje na banjo, zatímco se ostatní dívají.
Skupina usmívajících se mladých žen společné pózuje.
Žena s tmavými vlasy drží zeleninu zatímco stojí před stolem plným zeleniny.
Muž a žena tancují na ulici.
Muž držící lžíci se chystá na talíř plný jídla.
Dva psi zápasí na zemi.
Čtyři muži bruslí v řadě, s posledními třemi držícími se za kyčle muže před před ním.
Žena v tmavém baru, která mluví s lidmi.
Malá holčička s culíkem v růžovém tričku sedí na ramenou muži v davu.
Muž věší obraz stromu, zatímco žena se dívá.
Dvě děti si hrají a muž v černých kalhotách chodí blízko nich.
Štíhlý pes běží zelenou trávou.
Tři blízkovýchodní muži ve formálním oblečení sedí okolo stolu.
Dívka v růžovém točí stuhou.
Blondýna nabízí talíř jídla další blondýně sedící u bílého stolu.
Muž, který se dívá do fotoaparátu, hraje na kytaru.
Starý muž v armádní bojové uniformě promlouvá k řadě dětí, které stojí v pozoru.
Holčička skáče v trávě.
Muž v zelené košili se směje vedle ženy ve žlutém svetru, která drží růžový balónek a má růžový diadém.
Tři psi běží do vody.
Dvě mladé dívky běží přes pole, protože pouští draka po nebi pokrytém mraky.
Pracovník, který se ujišťuje, že jeho stroj pracuje správně.
Muž v zelené bundě svařuje velký kus kovu.
Svářeč v masce svařující s létajícími jikrami.
Malý chlapec s černými vlnitými vlasy sedící na modré židli, která je na chodníku.
Šedivějící bílý muž s brýlemi používá kovářské nástroje.
Mladý chlapec v červeném triku na něco ukazuje.
Skupina čtyř lidí pracuje s v velkým množstvím papíru.
Mladý muž je v potoku se svým špinavým kolem.
Čtyři muži dívající se na velkou ceduli.
Dva muži na lešení, které je postavené zvenku budovy.
Zablácený zlatý retrívr běžící v trávě.
Dvě děti běží v písku podél břehu.
Pes běží se žlutým tenisovým míčkem a nosí červený postroj.
Muž ve spodním prádle a teniskách jde po ulici.
Černý pes běží vodou.
Malý pes skáče do vody.
Tři mladí chlapci skáčou a hrají si v seně.
Muž drží kovové obruby, každou v jedné ruce, zatímco mluví ke dvěma lidem.
Mladý muž s hnědýma očima je oblečen jako Jack Sparrow.
Muž, který má tílko drží ceduli, kde se uvádí Mark Finley.
Mladý chlapec, který se klouže po trávě na nafukovacím kruhu.
Hnědý pták sedí na stromové větvi.
Muž ve žluté košili nosící pestrobarevné plastové šperky.
Muž v rouchu jede po ulici na oslovi.
Muž drží knihu a stojí před tabulí.
Mladá dívka a starší džentlmen se drží za ruce, zatímco on ukazuje na něco mimo fotku.
Muž mluví k osobě v policejní dodávce.
Umělec zabraný do práce kreslí komiksový portrét.
Starší pár stoupá na hromadu písku.
Jedna osoba pomáhající druhé na vrchol hory písku pod zamračenou oblohou.
Dvě vozidla jsou zaparkovaná před malým obchodem s potravinami.
Rozmanitost je kořením života, nezáleží na jaká může být kultura.
Autobus, na kterém pracuje mechanik.
Pracovník, který stojí na vysokém lešení.
Muži dělají práci na silnici na pozadí hnědých kopců.
Muž v modré kánoi, který pádluje v oceánu.
Nějací lidé stojí sami v plavkách na pláži.
Muž v černém triku a červených šortkách sedí na břehu jezera.
Učitelka, která něco ukazuje svým studentům na obrazovce projektoru.
Žena a mladá dívka věší prádlo na šňůru.
Dva turisté odpočívají na zasněžené hoře.
Velmi velké množství lidí stojí venku pod krásnými mraky.
Osoba předčítá knihu k pokoji plném lidí.
Muž sedí na mostě u vody a hraje na akordeon.
Nějací stavební dělníci jsou na plošině a pracují na budově.
Pošťák v dodávce je před brankou.
Dítě spí v autě s otevřeným oknem.
Mladá dívka s kudrnatými vlasy s bílým trikem s obrázkem lebky a kostmi.
Mladé děvčátko dělá bláznivý obličej do fotoaparátu.
Muž nosící oranžovou bezpečnostní vestu a ochrannou přilbu obsluhuje stavební zařízení.
Chlapec, který má červenou bundu, předvádí stojku na trávě.
Batole běží k fotoaparátu v parku.
Pes a písečná bouře.
Starší žena v šátku a s holí stojí na dlážděné ulici s rozbředlým sněhem.
Muž sedí s úsměvem na podlaze a spravuje své kolo.
Skupina lidí stojí a baví se uvnitř budovy.
Muž sedí na červeném lešení.
Muž s pracovními rukavicemi a pásem s nářadím šplhá po lešení vedle staré žluto-bílé budovy.
Dvě děti se dívají na něco vzrušujícího, co jim ukazuje dospělý.
Dva muži, kteří se snaží seškrabat cement z podlahy, aby ji vyrovnali.
Skupina, která hraje na ulici, zatímco náhodní diváci přihlížejí.
Skateboardista, který má černé džíny, bílé triko a červenou kšiltovku vyjíždí na okraj rampy a je pozastavený ve vzduchu.
Čtyři lidé před Wells Fargo.
Dva lidé drží své ruce společně nad třetím před osvětlenou scénou.
Dítě v zeleném skáče na trampolíně.
Skupina vysokoškolských studentů, která se shromažďuje v komunitním centru.
Rodina prochází přes skalnatou krajinu.
Skupina fanoušků na stadionu jsou mají na sobě červenou a fandí.
Žena, která si užívá svou četbu v kavárně.
Afroameričan se dívá do mikroskopu a na zdi visí plakát, který říká krevní buňky.
Tři lidé si hrají na sněhem pokryté městské ulici.
Dva chlapci kopají míč jeden druhému v parku.
Muži v ženském oblečení před obchodem.
Chlapec leží s oranžovým míčem před řadou modrých aut.
Holčička s ručníkem vedle umyvadla.
Žena čistí prach a špínu z možného nálezu.
Pes běží na poli.
Batole, které sedí na houpačce v parku se žlutým dětským hrníčkem.
Pár hovoří s mužem, který sedí u cimbálu.
Dva paraglidisté procvičují své dovednosti na otevřeném poli.
Dítě nosící kovbojský klobouk, které utíká k dalšímu dítěti.
Mladý chlapec se snaží zvednout dýni za stopku na dýňovém políčku.
Lidé v asijském úboru jsou na přehlídku.
Hubený hnědý pes jde přes velký kus spadlého stromu.
Muž pracující na okně, které je na staré budově.
Muž se dívá do zrcadla a holí se, zatímco žena ho fotí.
Chlapec podivně věnuje pozornost botám.
Muž, který má modré triko, modrou kšiltovku a zástěru stojí ve slunečném dnu před Candy Cafe.
Dívka sedí na pláži a upřeně se dívá do oceánu.
Hnědo-bílý pes lehce kouše žlutého psa.
Dívka se slunečními brýlemi a zákazníky v obchodě s tretkami.
Muž se zvláštní helmou sedí na modré motorce.
Malé dítě spí, zatímco drží vycpané zvíře.
Starší muž sedící prosti buňkám s kytarou ve svých rukou.
Jsou tam tři lidé, kteří nosí roucha, dva z nich hrají na dechové nástroje.
Muž hraje na housle venku na chodníku.
Muž rybaří v černém svetru.
Muž opravující duši od kola, zatímco se ho jeho zákazník ptá.
Dav stojí na ulici.
Rodiče, kteří učí malé dítě bruslit.
Mladý chlapec skáče dolů po nafukovací vodní skluzavce.
Malý chlapec stojící na houpačce před modrou klouzačkou.
Ztřeštěnci si užívají hory sjíždějící rokli.
Dva starší muži si v bílé místnosti hrají s mramorovou sochou.
Malá dívka na houpačce se směje.
Skupina, složená ze dvou mužů a ženy, hraje pro skupinu lidí.
Dva muži s oholenými hlavami, kteří oba nosí bílé triko, nacvičují podvodní potápění.
Dva závodníci, z nichž jeden je v amerických vzdušných silách, zápasí.
Několik dětí v kočárech, které se diví mnoha věcem.
Dva muži mají na starosti šedého psa s modrým zauzlovaným lanem v hubě.
Muž, který nakopává fotbalový míč v triku a šortkách.
Muž s kánoí je na pláži s postaveným stanem.
Muž bez trika, který dělá jídlo, zatímco táboří na pláži.
Nějací lidé běží ve tmě na venkovní dráze.
Malá dívka si hraje v seně.
Muž usnul při čtení Da Vinciho kódu.
Muž, který má modré kalhoty, se ohýbá, aby zvedl něco ze země
Muž v mikin1 Alaska a baseballové čepici si kupuje losy.
Dva muži staví něco společně.
Dívka si hraje s náhrdelníkem, zatímco za na ní svítí slunce.
Malý bílý pes prosí.
Malá dívka, která sedí na podlaze, drží kytarový hmatník.
Muž v brýlích griluje vídeňské párky a masové karbanátky na grilu.
Chlapec v červené kšiltovce fotografuje svým fotoaparátem.
Malé dítě pořizuje záběr kamerou na stativu.
Žena v bílém triku a růžových kalhotách stojí za stolem, na kterém leží dort, jahody a punč.
Žena otevírá dárek před svými přáteli.
Dva šediví a jeden černý pes, kteří si hrají v nádrži pod nadjezdem.
Žena sedící u stolu v kuchyni.
Tři lidé ve vlaku, kteří drží hrací karty a usmívají se.
Dva psi a štěně.
Muž na pláži rozprašuje tekutinu z dlouhé hadice.
Početná skupina lidí provádí synchronizovaný tanec, který zahrnuje výskoky.
Malý chlapec vyndává věci z nákupního košíku na pás.
Muž oblečený v lesklém kosmickém obleku pózuje na chodníku fotografovi.
Mladý muž v modrém tričku má ruku okolo mladé ženy v červené bundě.
Holčička leze na prolézačce.
Na rozlehlém venkovním dlážděném prostranství bruslí asijské děti v červeném a žlutém oblečení a s černými chrániči na kolenou.
Na pláži si hrají tři chlapci na babu.
Holčička se zdviženými rukami sjíždí po rudobílé klouzačce.
Tři plavci plavou nebo závodí v oddělených drahách.
Velká skupina lidí v červených vojenských bundách stojí venku v řadách.
Chlapec skáče z vrchu modré plastové klouzačky.
Muž v černém saku a v kostkovaných kalhotách a čepici, drží číšnici tác.
Horolezec v červené helmě shlíží dolů z útesu.
Pán v bezpečnostní přílbě pracuje na strojích.
Chlap ukazující na obří Blackberry.
Skupina žen se prochází s kabelkami na ramenou.
Muž a žena venku u auta, které je plné věcí.
Malý chlapec a dívka hrají baseball na travnatém hřišti.
Velký dav si hraje ve fontáně.
Obrázek centra města, kde lidé přecházejí přes ulici a jdou po chodníku.
Žena v teplácích stojí vedle toalet.
Žena se svou dcerou se měří u ohromného pravítka u "Washington Farms."
Několik mužů, všichni v červeném, táhnou za provaz.
Skupina lidí, kteří sedí na betonových schodech poblíž basketbalového hřiště.
Blonďatá dívka otevírá zelený zabalený balík.
Hráč v cylindru hraje na svůj akordeon v ulici na chodníku.
Žena při vystoupení zpívá píseň.
Holohlavý muž v modrém tričku jí žebra u venkovního stolu.
Muž stojí na okraji velké skály a kochá se výhledem.
Muž čte publiku z kousku papíru, zatímco jiný muž v bílém stojí vedle něj.
Chlapec ve vaně s bublinkami ječí nebo zpívá do kartáče na mytí.
Skupina lidí poslouchá venku v sedě hru na kytaru a housle.
Mladík a batole se plazí.
Pán v zástěře stojí v kuchyni a drží talíř.
Chlapec drží před poníkem červený kyblík.
Blonďatá dívka v předpubertálním věku, která si hraje s bublinami vedle prodejního stánku na nádvoří obchodního domu.
Chlápek v obleku hraje na dudy vedle dívky v tyrkysovém oblečení.
Pes se snaží chytit do huby sněhovou kouli.
Musíte na to odpovědět šéfovi.
Osobě staví stan poblíž skupiny dalších stanů na zasněžené zemi.
Pár, který se drží za ruce, zastavuje, aby se na něco podíval.
Malý chlapec si hraje na hřišti na něčem ve tvaru mořského koníka.
Mladík plave v bazénu.
Chlapec bez trička má v ruce míč na volejbal.
Skupinka školáků jde na podzim po venkovské cestě.
Blonďatá dívenka rozsypává na stůl prášek Nesquik.
Pán v kovbojských botách a boxerkách,který drží kytaru, drží ženu za ruku.
Mladý Asiat studuje s tužkou a slovníkem, zatímco pije kolu.
Několik lidí se veze na korbě popelářského vozu.
Muž v zeleném tričku míchá něco v misce vedle sporáku se dvěma pánvemi.
Několik dívek se prochází nádhernou chodbou.
Dvě asiatky s mladou asijskou holčičkou, která má trojkolku, stojí venku ve stínu.
Malý chlapec se snaží vylézt nahoru.
Mladý chlapec v modré bundě vytahuje něco černého z látkového sáčku.
Chlapec opravuje kolo na svém bicyklu.
Muž v modrém tričku a červené čepici na straně vozíku plného sena, který je tažen bílým koněm.
Pět mužů v restauraci pózuje při fotografování.
Dvě ženy v bílých šatech jdou kolem reklamy se dvěma golfisty.
Žena prochází kolem řeky naproti městských budov.
Zatímco hráči červeného týmu přihlížejí, hráč modrobílého týmu přihrává míč svému spoluhráči.
Zatímco jeden odchází, skáče druhý pes na slečnu.
Pes odpočívá v travnatém poli
Chlap jede na velkém hnědém býkovi.
Asiatka ve žlutém triku si prohlíží před kasou pohlednice.
Hnědý pes si hraje v bahně.
Hodně lidí na karnevalu soutěží ve vodním střelectví.
Dva lidé nosí přilby, které mají nahoře svíčky.
Dívka s černými vlasy, rovnátky a ve slunečních brýlích pózuje s dřevěným robotem.
Žena sedí v prádelně a dívá se do fotoaparátu.
Prodavač s množstvím rozličného zboží stojí mezi několika dalšími lidmi na prašné cestě.
Muž nesoucí lavór čehosi na hlavě.
Po schodech v uličce, kde jsou graffiti na zdech vycházejí a scházejí lidé.
Dav si užívá na pláži.
Muž v kšiltovce hraje s kamarádem v herně střílečku na konzoli.
Skupina lidí pracuje na projektu pro dobrovolnickou organizaci.
Dva fotbalisté se zamotávají do sebe, když oba míří pro balon.
Mladý muž, který skateboarduje před oceánem.
Slečna v černém triku jde po cestě a telefonuje.
Černá žena jde k ženě ve žlutém klobouku.
Hudebník v hnědém kabátu se prochází ve svých tenisových botách.
Žena v historickém oblečení s množstvím perel.
Pár sedí na kapotě auta zády k fotoaparátu.
Auto je částečně ponořeno v jezeře.
Tři ženy v černém sedí ve vlaku vedle sebe.
Za pánem sedícím na plachetnici zapadá slunce.
Batole zkoumá modré džíny, zatímco dospělý stojí v pozadí.
Místo dopravní nehody mezi tramvají a cyklistou.
Malá holčička v červených šatech stojí na lesní cestě, v pozadí je kůň.
Lidé v kostýmech stojí okolo stromu v lese.
Holčička běží na pláži za zády mladé ženy, která sedí a hraje na kytaru.
Žena podává malému dítěti v červenám tričku předmět z nákupního košíku.
Dělník drží dopravní značku stop, aby pozastavil dopravu.
Prodavač pracuje v obchodě s koblihami.
Mužská ruka drží kus kovu na brusném kotouči.
Blondýna kouří cigaretu vedle svých nákupních tašek.
Dva muži v opascích s nářadím připevňují nápis na budovu.
Dva lidé pózují na fotografii.
Skupina lidí usazená u červených židlí a stolů.
Skupina osob protestuje prodáváním lidí.
Dva muži tlačí dodávku, která má na boku obrázek ženy.
Muž stojí u svého grilu na dřevěné uhlí.
Muž v klobouku a se zeleným skútrem stojí u vody v parku.
Motocyklista strhl řidítka doleva.
Žena opřená o židli hraje na elektrickou kytaru.
Během vystoupení na pódiu, jeden z mužů zpívá zatímco druhý hraje na kytaru.
Kytarista drží kytaru na frekventované ulici zatímco lidé přihlížejí.
Zpěvačka zpívá v klubu osvětlená ostrým světlem.
Po cestě jde dívka v modré bundě a černých kalhotách.
Dva pouliční umělci performují na schodech pro skupinku přihlížejících.
Sbor stojí na pódiu a zpívá píseň.
Lidé se podepisují v kostele.
Středně velký smíšený sbor zpívá, zatímco se dirigent snaží udávat rytmus.
Skvrnitý pes skáče přes bahnitý potok.
Zaměstnanec v zářivé vestě a černém oblečení sbírá ze země odpadky, zatímco lidé za ním přecházejí silnici.
Dívka na pláži s duhovými praporky.
Muž v bazénu drží usmívajícího se chlapce v plovací vestě.
Toto je dítě, oblečené v modrém, které stojí bosé na kameni.
Dítě v tričku, zelených botách, červených šortkách, modré čepici stojí na úseku chodníku.
Hnědý pes kluše po travnatém oploceném dvoře.
Venku, před aranžmá pestrých květin, sedí na vršku dýně malá dívka.
Čtyři vojáci drží zbraně, jdou a baví se spolu.
Dva muži v pohorkách předvádějí bojová umění.
Žena a muž, který si na party vychutnává drink.
Postarší muž s cedulí "Zpomal" se usmívá do kamery.
Pes, který se chystá vyskočit, aby chytil létající talíř
Hnědý pes skáče do vzduchu aby chytil míček.
Dívka odráží během hry fotbalový balon hlavou.
Za krátkým plotem se spolu baví dva pánové v parku.
Dva muži v černých košilích se baví u videokamery.
Dva muži spolupracují na rozhovoru s mužem sedícím ve velkém divadle.
Lidé drží cedule a pochodují.
Žena na jevišti drží mikrofon a stojí vedle muže.
Dva Asiaté se smějí, zatímco oslavují narozeniny vrstveným dortem s prskající svíčkou.
DJ v zelené čepici se nahýbá přes své vybavení a zapojuje mikrofón.
Stojící muž drží oběma rukama ženu za chodidlo.
U parkoviště u Notre Dame ve Francii stojí tři ženy v cikánských sukních.
Smějící se žena v baru.
Ulička, kde prochází pár lidí.
Dvě děti u stromu blízko vody.
slečna v růžovém stojí před dodávkou kavárny Mud.
Toto je obrázek dvou asiatů, dřepících u mopedu.
Chodci a automobily si razí cestu přes Times Square v New Yorku.
Muž pomáhá malému dítěti dostat se do vlaku.
Tři lidé, kteří sedí, jí a pijí poblíž stromů, s dalšími třemi lidmi stojícími v pozadí.
Muž stojí před branou uvnitř kopce.
Muž a žena popíjejí drinky a dobře se baví v místním nočním podniku v Los Angeles.
Tři děti sedí okolo stolu a čtou si knihy.
Vedle auta u šňůry na prádlo stojí kluk.
Lidé sedí v hledišti s programy.
Dvě ženy pracují ohnuté na poli a v pozadí jsou stromy.
Velmi mnoho lyžařů se shromažďuje na místě pro lyžaře.
Lidé procházejí skrze pole pokryté sněhem s horou v pozadí.
Dospělý pomáhá malému dítěti nasadit plavecké brýle.
Žena s bílým kšiltem, v modrém tílku a bílých kalhotách jí, zatímco stojí v davu.
Mladý chlapec v baseballovém dresu si kleká aby chytil míček.
Pán s dlouhými vlasy a v modrém tričku sedí venku před svým otevřeným pouzdrem na kytaru a směje se, zatímco ho v sedě sleduje malá dívka.
Žena, která jde od vody, nese na hlavě koš.
Pes očichává čerstvě pořezaný kmen stromu.
Dva psi si hrají na trávě.
Příslušníci etnické skupiny vybírají čerstvé potraviny ke koupi.
Žena, která běží na pláži.
Tři ženy, oblečené na slavnostní příležitost, v momentě, kdy se smějí.
Pes skáče skrze černobílý kruh.
Prodavač barevně vzorovaných koberců si za slunného dne vychutnává doušek ze svého šálku kávy.
Muž s dlouhými tmavými vlasy a s knírkem kráčí ulicí v šortkách a kovbojském klobouku.
Motorkář v oranžové kombinéze se smýká doprava.
Muž nese ceduli, zatímco stojí v dešti.
Horolezec slaňuje strmou skalní stěnu.
Čtyři táborníci si užívají večer u ohniště.
Motocyklista s červenou helmou řídí na silnici svůj modrý motocykl.
Tři muži se procházejí před bílou budovou.
Dva orientální ještěři bojují o nadvládu v malém jezírku.
Mladík hraje zahradní hru nafukovací hračkou.
Skupina závodních vozů jede po závodní dráze.
Osoba s tetováním na ruce, která má na sobě helmu na motocykl.
Rodina a přátelé se sešli k jídlu u stolu plného misek se skvělým jídlem.
Kólie sbíhá skluzavku.
Muž v hnědé bundě stojí mezi skupinou mužů před velkým strojem.
Dav lidí stoupající po schodech na nástupiště.
Dva muži s nápoji v pravici předvádí vtipné grimasy v obličeji.
Holohlavý muž v bílé košili pije sklenici piva.
Muž v modrém tričku a s helmou se připravuje na výstup.
Muž vrtá díru do dýně.
Kameraman natáčí muže, který začíná lézt na kovovou konstrukci.
Horolezec se chystá slaňovat horu.
Žena ve středním věku oděná do červené sukně, hnědé blůzy, která se zabývá výrobou keramiky.
Pán stojí u křesťanské cedule, zatímco kolem projíždí vlak veřejné dopravy.
Pes vyskočil a chytil frisbee na trávě.
Mladí dospělí mají grilování v parku.
Muž v bílém saku drží černou knihu.
Rybář lovící v zimě ze břehu.
Muž a žena se rozhlíží z vyhlídky na schodišti u moře.
