"""Word lists the recogniser uses to tell place names from other capitalised
words. Kept as data, in one place, so they can be read and extended."""

# A capitalised word after the place that makes it part of an organisation,
# a publication or an office ("Los Angeles Times", "Columbus Police
# Department", "U.S. Border Patrol", "Texas Parks & Wildlife Department").
ORG_HEADS = frozenset("""
department departamento office oficina police policía sheriff sheriff's fire patrol highway task
force times post tribune daily star news herald journal republic chronicle sentinel gazette
examiner magazine press radio television tv channel university universidad college school court
tribunal senate senado house congress congreso commission comisión council consejo bureau agency
agencia institute instituto network coalition foundation fundación association asociación center
centre centro committee comité union customs immigration attorney attorney's attorneys army
ejército navy marina marines marshals guard guardia administration administración service
servicio services ministry secretaría secretariat fiscalía government gobierno parks wildlife
authority authorities corporation company inc co corp bank banco club party partido cartel grupo
group team unit medical examiner's consulate consulado embassy embajada chamber cámara airport
aeropuerto electric water tunnel enforcement protection marine unit force
""".split())

# Two-word organisations that start with a place-like word ("U.S. Border Patrol").
ORG_PHRASES = ("border patrol", "border protection", "border action", "secret service",
               "drug enforcement", "fish and wildlife")

# Words before a name that make it a person ("Sheriff Douglas", "Officer Allen").
TITLES = frozenset("""
mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. lt lt. sgt sgt. capt capt. gen gen.
col. sheriff officer agent deputy trooper secretary president judge chief mayor ambassador
attorney director commissioner spokesman spokeswoman spokesperson minister senator
representative governor señor señora sr sr. sra sra. don doña licenciado lic lic. alcalde
alcaldesa gobernador gobernadora presidente presidenta secretario secretaria agente juez
""".split())

# Words after a name that make it a person ("Donna said").
SPEECH_VERBS = frozenset("""
said says told added explained noted stated wrote asked testified argued announced dijo dice
señaló afirmó declaró explicó indicó agregó comentó aseguró
""".split())

# Place names that are also common words or given names: accepted only with
# support (a preposition of place before them, a ", State" after them, a
# dateline), never on capitalisation alone.
COMMON_WORD_PLACES = frozenset("""
mission progreso presidio alamo why ajo douglas donna victoria sierra mesa marathon commerce
industry hope liberty union justice security independence reforma progress eagle post center
early energy orange paradise comfort friendship normal star sun golden vista buckeye surprise
carefree florence globe chandler gilbert peoria goodyear avondale marion tyler allen garland
mercedes alice christine carmen dolores guadalupe rosario pilar allende hidalgo jackson lincoln
madison franklin clinton chase hunt mills rich price bell bush grant lee lane cash banks march
may june august april trump obama biden guzman guzmán santa cruz border patrol customs federal
national central union city county state river unidad libertad victoria esperanza paz fe caridad
concordia providencia trinidad solidaridad tabaco part
""".split())

# Words before a name that make it a street's or a building's ("Calle
# Hidalgo", "Avenida Juárez", "la escuela primaria Benito Juárez").
STREET_PREFIXES = frozenset("""
calle avenida av av. avda. bulevar boulevard blvd blvd. bvd. callejón callejon privada calzada
escuela primaria secundaria preparatoria colegio estadio
""".split())

# Nouns after a name that make it a town's ("a 33-year-old Douglas resident",
# "a Mission man"): support for a name that is also a common word.
RESIDENT_NOUNS = frozenset("""
resident residents native natives man woman men women couple family teen teenager boy girl
""".split())

# Capitalised words after a name that make it part of a natural feature's
# name the gazetteer lacks ("Florida Mountains", "Santa Cruz River",
# "Nogales Wash"): not the state or the town.
NATURAL_TAILS = frozenset("""
mountains mountain peak peaks hills hill mesa canyon canyons wash creek river lake springs
""".split())

# Place names that are also institutions ("figures it provided to Congress"):
# a place only with a qualifier ("Congress, Ariz.").
INSTITUTION_NAMES = frozenset("""
congress senate
""".split())

# Words that open a longer Spanish name ("Colonia Santa Maria", "Ejido El
# Faro", "Río Nuevo"): followed by a capitalised word they are not a place
# of their own (Köln is "Colonia" in Spanish; Ejido is a town in Venezuela).
NAME_PREFIXES = frozenset("""
colonia ejido rancho rancheria poblado congregacion fraccionamiento barrio rio arroyo cerro
""".split())

# Nouns that, in an apposition after a name, make it a person ("Guerrero, a
# former agent"); a place is "a city", "a town", never "a spokesman".
PERSON_NOUNS = frozenset("""
agent officer official spokesman spokeswoman spokesperson resident man woman boy girl teenager
mother father son daughter brother sister wife husband farmer rancher driver smuggler migrant
director chief sheriff deputy mayor governor senator lawyer attorney judge professor researcher
analyst expert activist volunteer leader member reporter journalist photographer owner worker
employee veteran suspect defendant victim witness coordinator manager president secretary
agente oficial vocero vocera residente hombre mujer joven madre padre hijo hija hermano hermana
esposa esposo agricultor conductor traficante migrante director directora jefe jefa alcalde
alcaldesa gobernador gobernadora abogado abogada juez profesor profesora investigador
investigadora activista voluntario voluntaria líder miembro reportero reportera periodista
dueño dueña trabajador trabajadora sospechoso sospechosa víctima testigo presidente presidenta
""".split())

# Words after a name that make it a street address ("8851 Kerns Street").
STREET_WORDS = frozenset("""
street st st. avenue ave ave. road rd rd. boulevard blvd blvd. drive dr. lane ln way court ct
calle avenida av av. calzada bulevar blvd carretera privada
""".split())

# Spanish organisation heads that come before the place, capitalised as a
# named body's are ("Grupo Beta Piedras Negras", "Fiscalía General del
# Estado de Coahuila"; not "un hospital de Tecate", "había partido de Caborca").
ORG_HEADS_BEFORE = frozenset("""
grupo fiscalía fiscalia colectivo secretaría secretaria policía policia gobierno ayuntamiento
procuraduría procuraduria instituto comisión comision dirección direccion consejo universidad
hospital cruz guardia ejército ejercito congreso cámara camara tribunal juzgado partido cártel
cartel fundación fundacion asociación asociacion diario periódico periodico vocería voceria agencia
""".split())

# Month names: never a place without a qualifier ("in March 2018").
MONTH_NAMES = frozenset("""
january february march april may june july august september october november december enero
febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
""".split())

# Frequent words that open sentences and happen to name some town somewhere.
STOP_WORDS = frozenset("""
but one two three the this that these those there their then than they some many most more after
before when while during since until because although however also even only just como pero
según segun aunque también tambien cuando donde mientras desde hasta porque sin un una uno dos
tres unos unas este esta estos estas ese esa eso aquel se le lo la las los el hay fue son era
ser estar está esta ya no sí si más mas muy todo toda todos todas otro otra homeland security
""".split())

# Lower-case words that may open a name in Spanish ("río Bravo").
LOWER_OPENERS = frozenset("""
río rio sierra valle desierto highway interstate route carretera puente presa garita
""".split())

# Lower-case openers that say what a place is but are not written as part of
# its name: "el puente internacional Córdova-Américas" names Córdova-Américas,
# "la presa La Amistad" La Amistad.
TRIMMED_OPENERS = ("puente internacional ", "puente ", "presa ", "garita ")

# Lower-case words allowed inside a name ("Ciudad de México", "Puerto Peñasco").
CONNECTORS = frozenset("""
de del la las los el y e of the and on upon du da das do dos en internacional
""".split())

# Feature words news often writes in lower case after a name ("the Lukeville
# port of entry", "the Laredo sector", "the Hidalgo bridge").
LOWER_TAILS = frozenset("""
port entry bridge bridges crossing station checkpoint sector river county garita puente puentes cruce
mountain mountains dam canal
""".split())

# Prepositions of place: a common-word name after one of these is a place.
PLACE_PREPOSITIONS = frozenset("""
in near at from to outside into toward towards through across around of via between en cerca de
desde hacia a entre por rumbo
""".split())

# Kinds that are Border Patrol units themselves: "Laredo Sector Marine Unit"
# and "Falfurrias Station Border Patrol agents" still name the place.
UNIT_KINDS = frozenset({"sector", "station", "checkpoint"})

# Capitalised function words that may precede a name at a sentence start.
FUNCTION_WORDS = frozenset("""
in at from near to on the a an and but or of for by with into outside across as while when after
before during since until un una el la los las en de del desde cerca con por para y o
""".split())

# A cue word after a name that says what kind of place is meant, and extends
# the mention ("Eagle Pass Station", "Nogales port of entry").
FEATURE_CUES = (
    ("port of entry", "port_of_entry"), ("ports of entry", "port_of_entry"),
    ("port", "port_of_entry"), ("crossing", "port_of_entry"), ("bridge", "port_of_entry"),
    ("international bridge", "port_of_entry"),
    ("sector", "sector"), ("station", "station"), ("checkpoint", "checkpoint"),
    ("county", "county"), ("river", "river"), ("valley", "region"),
)
# Cue words before a name ("municipio de Nogales", "the state of Hidalgo").
CUES_BEFORE = (
    ("municipio de ", "municipality"), ("garita de ", "port_of_entry"),
    ("puerto fronterizo de ", "port_of_entry"), ("río ", "river"),
    ("estado de ", "state"), ("state of ", "state"), ("condado de ", "county"),
    ("ciudad de ", "city"), ("city of ", "city"),
)
