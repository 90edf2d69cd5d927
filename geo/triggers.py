"""Which kinds of event a sentence reports, found for a whole article in one
pass: word stems (English and Spanish) are grouped by what they say — a
drug, a seizure, a body, a crossing — and each event type is a few
combinations of groups that must appear in the same sentence ("seized" with
"marijuana"; "found" with "remains"; "shooting" alone).

Stems match at the start of a word; a stem ending in "$" matches whole words
only. Phrases are written with underscores for spaces. A phrase of the
"mask" group hides the stems inside it: "drug smugglers" names who, not
what moved; "Tunnel Task Force" is an agency, not a tunnel. The text is folded
(lower case, no accents) character for character, so offsets hold.
"""

from __future__ import annotations

import bisect

import ahocorasick

from .matching import fold_text

GROUPS = {
    "drug": """drug narcotic marijuana mariguana marihuana cocain heroin fentanyl fentanilo meth$
        methamphetamine metanfetamina opioid pills$ cannabis narcotico droga cristal$ estupefaciente""",
    "seize": """seiz confiscat found$ discover recover uncover intercept smuggl traffick shipment
        flow_of flows_of load_of loads_of pounds_of kilograms_of kilos_of tons_of bundles_of
        packages_of asegur decomis incaut hallaron hallado hallada hallazgo trasiego trafico contrabando
        haul$ stash_of cache_of smuggling_operation trafficking_operation""",
    "drug_alone": """drug_tunnel drug_smuggl drug_traffick drug_load drug_bust drug_seizure narcotunel
        tunel_de_contrabando narco_tunnel narco-tunnel narcotrafic tunnel$ tunnels$ tunel$ tuneles$
        narcotunel""",
    "human_alone": """human_smuggl stash_house coyote pollero human_traffick trafico_de_personas
        trafico_de_migrantes trafico_de_indocumentados casa_de_seguridad smuggle_people
        smuggling_people smuggling_migrants smuggled_migrants""",
    "migrant": """migrant immigrant asylum_seeker asylum-seeker border_crosser border-crosser undocumented
        illegal_alien migrante inmigrante indocumentad extranjeros$ venezolanos$ guatemaltecos$ hondurenos$
        salvadorenos$ cubanos$ haitianos$ ecuatorianos$ nicaraguenses$ venezuelans$ guatemalans$ hondurans$
        salvadorans$ cubans$ haitians$ ecuadorians$ nicaraguans$""",
    "cross": """apprehend detain caught$ arrest crossing$ crossed$ cross$ walked$ entering$ entered$
        intercept cruz detenid detuvieron aprehendieron asegurad flow_of flows_of group_of groups_of
        hidden$ hiding$
        concealed$ escondid ocult""",
    "migrant_alone": "illegal_immigration illegal_crossing crossing_north illegal_entr",
    "smuggler": """smuggler$ smugglers$ smuggling_crew smuggling_ring smuggling_network to_smuggle""",
    # People hidden in a vehicle are being smuggled, whatever they are called.
    "people": """people$ persons$ men$ women$ adults$ personas$ hombres$ mujeres$ adultos$ migrants$
        migrantes$ nationals$""",
    # Migrants held inside a house are in a stash house, whatever it is called.
    "inside": "inside$ locked$ dentro_de encerrad",
    "building": "house$ home$ residence$ casa$ vivienda$ bodega$ warehouse$ hotel$ motel$ cuarto$ room$",
    "hidden": """hidden$ hiding$ concealed$ crammed$ stuffed$ locked$ locked_inside escondid ocult hacinad
        encerrad carrying$ carried$ transporting$ transported$ transportaba transportaban""",
    "vehicle": """trailer tractor-trailer truck trunk$ compartment tanker dashboard gas_tank vehicle car$
        cars$ pickup van$ boxcar camion remolque caja_seca cajuela vehiculo boat$ panga lancha embarcacion""",
    "gun": """gun$ guns$ firearm rifle pistol handgun weapon ammunition ammo$ rounds$ cartridge
        magazines$ arma$ armas$ fusil pistola cartucho municion cargador arms$ grenade granada""",
    "gun_act": """smuggl traffick seiz bought$ purchas straw_purchas asegur decomis shipment trafico_de
        contrabando_de haul$ cache$ arsenal smuggling_operation trafficking_operation""",
    "south": """southbound into_mexico to_mexico headed_south heading_south across_the_border
        hacia_mexico a_mexico bound_for_mexico""",
    # Guns that moved, not just guns found (cue for the events step).
    "gun_flow": """smuggl traffick straw_purchas bought$ purchas shipment trafico_de contrabando_de
        southbound hacia_mexico into_mexico bound_for_mexico""",
    "gun_alone": """gun_smuggl gun_traffick gunrunning gun_running weapons_smuggl weapons_traffick
        arms_traffick arms_smuggl firearms_smuggl firearms_traffick ammunition_smuggl trafico_de_armas""",
    "cash": "cash$ currency money$ dinero efectivo dolares dollars",
    "cash_act": "seiz smuggl found$ asegur decomis shipment haul$ undeclared unreported",
    "cash_alone": "bulk_cash cash_smuggl money_laundering lavado_de_dinero",
    "violence": """shooting shootings$ shootout shot_dead were_shot was_shot gunmen gunfire gun_battle
        gunbattle firefight$ firefights$ were_killed was_killed been_killed killed$ murder homicide slain$
        kidnapp massacre ambush opened_fire balacera enfrentamiento asesinad ejecutad secuestr ataque_armado
        disparos masacre a_balazos violent_attack gunfight gunfights$ agresion_armada repelieron abatieron
        mataron$ asesinaron$ privado_de_la_libertad privados_de_la_libertad privada_de_la_libertad
        privadas_de_la_libertad impactos_de_bala heridas_de_bala bullet_wounds gunshot_wounds
        huellas_de_violencia signs_of_violence stray_bullet bala_perdida herido_de_bala heridos_de_bala
        dispararon balearon balacearon atacad atacaron$ emboscad""",
    "corrupt": """brib corrupt kickback soborn corrupcion cohecho extorsi extort brindar_proteccion
        brindaban_proteccion colusion collusion colaborar_con_un_grupo taking_payments""",
    "charge": """accused charged$ arrested indicted convicted pleaded paid$ took$ taking$ sentenced$ guilty$
        acusad detenid vinculad vinculo_a_proceso sentenciad condenad""",
    "enforcement": """operation operativo crackdown raid$ raids$ raided$ search_warrants
        joint_effort joint_operation coordinating_patrols cateo allanamiento dispositivo_de_seguridad
        hallada_abandonada localizaron aseguraron deployed$ deployment despleg saturation_patrol to_patrol
        filtros_de_revision patrullajes""",
    # An arrest is an operation of its own, unless it is part of a happening
    # the article is telling ("The driver was arrested" after the seizure).
    "arrest_word": "arrest apprehended detuvieron detenido detenida capturad",
    # Who investigates is no report that something happened; with a day of
    # its own ("On Wednesday, investigators combed...") it is.
    "enforcement_weak": "task_force investigators investigation investigacion",
    "training": """training instructor drill$ drills$ to_train and_train train_together trained_together
        train_with trained_with trains$ will_train capacit adiestramiento entrenamiento joint_exercise
        un_curso curso_de
        ejercicio_binacional ejercicios_binacionales ejercicio_conjunto ejercicios_conjuntos""",
    "agreement": """agreement agreed$ accord$ accords$ declaration treaty memorandum pact$ pacts$
        signed_a sign_a sign_the signed_the will_sign un_acuerdo el_acuerdo los_acuerdos acuerdos$
        acuerdo_de_seguridad acuerdo_bilateral acordaron firmar firmaron firmara convenio tratado""",
    "body": "body$ bodies$ remains$ corpse cuerpo cuerpos$ restos$ cadaver osamenta",
    "find": """found$ discovered recovered spotted$ saw$ located$ came_across came_upon pulled$
        retrieved hallaron hallado hallada localizaron localizad encontraron encontrad sacaron
        recuperaron recuperado recuperada dieron_con""",
    "rescue": """rescued$ rescue_of rescuers$ rescataron rescatad auxili atrapad stranded$ varados$ varadas$
        libero$ liberaron$ liberados$
        liberadas$ fell_from_the_border_wall falling_from_the_border_wall fell_from_the_wall cayo_del_muro
        cayeron_del_muro""",
    # Someone found in distress ("found three men suffering from heat exhaustion"); treated
    # for it afterwards is a detail of the rescue.
    "distress": """heat_exhaustion heat_stroke heatstroke dehydrat hypotherm from_exhaustion deshidrat
        hipoterm golpe_de_calor insolacion""",
    "death": """drowned ahog murieron died_of perdieron_la_vida skeletal_remains body_of bodies_of
        body_floating bodies_floating found_dead sin_vida""",
    "mask": """drug_smugglers$ drug_smuggler$ drug_traffickers$ drug_trafficker$ drug_cartel drug_gang
        drug_lord drug_syndicate drug_trafficking_organization drug-trafficking_organization
        drug_dealers$ drug_war$ war_on_drugs tunnel_task_force narcotraficantes$ carteles_de_la_droga
        cartel_de_la_droga operation_that$ smuggling_operation trafficking_operation took_place
        no_arrests no_one_was_arrested no_one_has_been_arrested no_one_had_been_arrested
        no_hubo_detenidos sin_detenidos plea_agreement plea_deal plea_bargain""",
    # Cues the events step reads: which way a flow goes, whether anything moved
    # or was stopped, a court case, an operation beside a seizure.
    "northward": """northbound northward heading_north headed_north going_north moving_north bound_north
        into_the_united_states into_the_u.s. into_arizona into_texas into_california into_new_mexico
        hacia_estados_unidos hacia_el_norte a_estados_unidos crossing_north crossed_into
        smuggled_into_the""",
    "southward": """southbound southward heading_south headed_south going_south moving_south bound_south
        headed_to_mexico into_mexico to_mexico bound_for_mexico leaving_the_united_states hacia_mexico
        hacia_el_sur a_mexico""",
    "moved": """seiz smuggl found$ discover confiscat caught$ arrest apprehend crossing$ crossed$ intercept
        northbound southbound shipment flow$ flows$ load$ loads$ tunnel tunel asegur decomis incaut hall
        cruz detenid bought$ purchas delivered$ carry$ carried$ carrying$ haul$ cache$""",
    "in_court": "charged$ charges$ cargos$ sentenced$ indicted$ conspiracy conspiracion",
    "operation_word": "operation$ operativo$ crackdown$ joint$ dispositivo$ search_warrant raid$ raids$",
    # A year or years written, which the events step reads for totals.
    "years": """in_19 in_20 en_19 en_20 during_19 during_20 durante_19 durante_20 last_year$ el_ano_pasado
        el_ano_anterior between_19 between_20 entre_19 entre_20""",
    # Cues the events step confirms with its own patterns.
    "new_one": """second third fourth another a_new segund tercer cuart otro$ otra$ more$ additional$ mas$
        separate$ separately$ por_separado
        the_first el_primer la_primera""",
    "reported": "told$ admitted_to confessed_to declaro_que confeso_que admitio_que",
    "general": """so_far_this_year so_far_this_month fiscal_year in_recent_years each_year every_year
        per_year a_year$ on_average the_number_of toll$ by_some_counts statistics
        en_lo_que_va_del_ano cada_ano en_los_ultimos_anos analysis_found analysis_of data_show
        figures_show records_show cases_filed this_year$ este_ano$ rising_frequency rising_number
        growing_number increasing_number since_then since_it since_its since_19 since_20 en_lo_que_va_de
        desde_entonces since_jan since_feb since_march since_april since_may$
        since_june since_july since_aug since_sept since_oct since_nov since_dec desde_enero desde_febrero
        desde_marzo desde_abril desde_mayo desde_junio desde_julio desde_agosto desde_septiembre
        desde_octubre desde_noviembre desde_diciembre most_migrants most_of_the_migrants
        la_mayoria_de_los_migrantes has_become se_ha_convertido travel_advisory do_not_travel alerta_de_viaje
        not_to_cross no_cruzar no_arriesgarse""",
}

# Each type: clauses of groups that must all be in the sentence; any clause will do.
RULES = {
    "drug_smuggling": (("drug_alone",), ("seize", "drug")),
    "human_smuggling": (("human_alone",), ("people", "hidden", "vehicle"), ("smuggler", "migrant"),
                        ("migrant", "inside", "building")),
    "migrant_crossing": (("migrant_alone",), ("cross", "migrant")),
    "weapons_trafficking": (("gun_alone",), ("gun_act", "gun"), ("gun", "south")),
    "cash_smuggling": (("cash_alone",), ("cash_act", "cash"), ("cash", "south")),
    "violence": (("violence",),),
    "corruption": (("corrupt", "charge"),),
    "enforcement_operation": (("enforcement",), ("arrest_word",), ("enforcement_weak", "dated")),
    "training": (("training",),),
    "agreement": (("agreement",),),
    "humanitarian": (("find", "body"), ("rescue",), ("death",), ("find", "distress")),
}


def _build():
    # key -> (groups of the stems that match as a word start, groups of the
    # stems that match whole words only): "tunnel$" and "tunnel" can share a key.
    table: dict[str, tuple[set[str], set[str]]] = {}
    for group, spec in GROUPS.items():
        for stem in spec.split():
            whole = stem.endswith("$")
            for key in {stem.rstrip("$").replace("_", " "), stem.rstrip("$").replace("_", "-")}:
                table.setdefault(key, (set(), set()))[whole].add(group)  # "firearms-trafficking" too
    automaton = ahocorasick.Automaton()
    for key, (prefix, whole) in table.items():
        automaton.add_word(key, (len(key), frozenset(prefix), frozenset(prefix | whole)))
    automaton.make_automaton()
    return automaton


class TriggerFinder:
    def __init__(self):
        self.automaton = _build()

    def groups(self, text: str, spans: list[tuple[int, int]], folded: str | None = None) -> list[set[str]]:
        """For each sentence span, the groups of the stems in it, leaving out
        the stems inside a masking phrase. ``folded``: the text folded, when
        an earlier step has it."""
        if folded is None:
            folded = fold_text(text)
        n = len(folded)
        hits: list[tuple[int, int, frozenset[str]]] = []
        masks: list[tuple[int, int]] = []
        for end_index, (length, as_prefix, as_word) in self.automaton.iter(folded):
            start = end_index - length + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            groups = as_prefix if end_index + 1 < n and folded[end_index + 1].isalnum() else as_word
            if not groups:
                continue
            hits.append((start, end_index + 1, groups))
            if "mask" in groups:
                masks.append((start, end_index + 1))
        found: list[set[str]] = [set() for _ in spans]
        starts = [s for s, _ in spans]
        for start, end, groups in hits:
            if masks and any(m_start <= start and end <= m_end and end - start < m_end - m_start
                             for m_start, m_end in masks):
                continue
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and start < spans[i][1]:
                found[i] |= groups
        return found


_KINDS: dict[frozenset[str], tuple[str, ...]] = {}  # sentences share few combinations of groups


def kinds_from_groups(groups: set[str]) -> list[str]:
    """The event types whose rules the groups satisfy."""
    key = frozenset(groups)
    kinds = _KINDS.get(key)
    if kinds is None:
        if len(_KINDS) > 4096:
            _KINDS.clear()
        kinds = _KINDS[key] = tuple(kind for kind, clauses in RULES.items()
                                    if any(all(g in groups for g in clause) for clause in clauses))
    return list(kinds)
