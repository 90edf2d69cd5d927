"""Which GeoNames alternate names the build keeps (gazetteer/build/points.py)."""

from __future__ import annotations

from gazetteer.build.points import spanish_bridge_forms, usable_aliases


def test_cut_down_names_are_dropped():
    """"Paz", "Soto", "Park", "Paso": common words left when an article, a
    joined "De" or a plural is cut off, not names people write."""
    assert usable_aliases("La Paz", ["Paz", "La Paz BCS"]) == ("La Paz BCS",)
    assert usable_aliases("DeSoto", ["Soto", "De Soto"]) == ("De Soto",)
    assert usable_aliases("Parks", ["Park"]) == ()
    assert usable_aliases("El Paso", ["Paso", "El Paso del Norte"]) == ("El Paso del Norte",)


def test_short_forms_that_drop_a_title_are_kept():
    """"Juárez" for Ciudad Juárez, "Matamoros" for Heroica Matamoros; and
    "Cd. Juárez", as datelines write it."""
    assert usable_aliases("Ciudad Juárez", ["Juárez"]) == ("Cd. Juárez", "Juárez")
    assert usable_aliases("Heroica Matamoros", ["Matamoros"]) == ("Matamoros",)


def test_codes_numbers_and_repeats_are_dropped():
    kept = usable_aliases("Nogales", ["NOG", "Nogales 1", "NOGALES", "Heroica Nogales"])
    assert kept == ("Heroica Nogales",)


def test_spanish_bridges_with_and_without_internacional():
    assert spanish_bridge_forms(["Puente Progreso", "Puente Internacional Anzaldúas", "Progreso bridge"]) == [
        "Puente Internacional Progreso", "Puente Anzaldúas"]
    assert spanish_bridge_forms(["Puente Lerdo", "Puente Internacional Lerdo"]) == []


def test_a_prefix_word_cut_off_leaves_no_alias():
    """"Ejido Hermosillo" is not "Hermosillo"."""
    assert usable_aliases("Ejido Hermosillo", ["Hermosillo", "Ej. Hermosillo"]) == ("Ej. Hermosillo",)
