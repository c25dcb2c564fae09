"""What a site will be after the run: the numbers that reach attendants, renamed schedules, the summary."""

from ansible_collections.wxc.calling.plugins.module_utils._site import compare

HQ_ID, ANNEX_ID = "HQ-ID", "ANNEX-ID"


def item(name, extension=None, phone=None, esn=None, location_id=HQ_ID, location_name="Headquarters", **extra):
    found = {"id": "id-" + name, "name": name, "locationId": location_id, "locationName": location_name}
    found.update({k: v for k, v in (("extension", extension), ("phoneNumber", phone), ("esn", esn)) if v})
    found.update(extra)
    return found


def test_after_run_takes_the_new_extension_and_its_esn():
    asked = []

    def prefix():
        asked.append(True)
        return "8001"

    same = compare.after_run(
        item("Back", "2401", esn="80012401"), {"name": "Back", "extension": None, "phone_number": None}, prefix
    )
    assert same["extension"] == "2401" and same["esn"] == "80012401" and asked == []
    moved = compare.after_run(item("Back", "2401", esn="80012401"), {"name": "Back", "extension": "2411"}, prefix)
    assert moved["extension"] == "2411" and moved["esn"] == "80012411" and asked == [True]
    new = compare.after_run(None, {"name": "New", "extension": "2500", "phone_number": "+19705550100"}, prefix)
    assert (new["extension"], new["phoneNumber"], new["esn"]) == ("2500", "+19705550100", "80012500")
    no_prefix = compare.after_run(None, {"name": "New", "extension": "2500"}, lambda: "")
    assert no_prefix["esn"] is None
    number_only = compare.after_run(None, {"name": "Line", "phone_number": "+19705550101"}, prefix)
    assert "esn" not in number_only and asked == [True, True]


def test_dialled_numbers_change():
    before = item("Back", "2401", esn="80012401")
    assert compare.dialled_numbers_change(None, {"extension": "2401"})
    assert not compare.dialled_numbers_change(before, dict(before))
    assert compare.dialled_numbers_change(before, dict(before, extension="2411", esn="80012411"))
    assert compare.dialled_numbers_change(before, dict(before, phoneNumber="+19705550100"))


def test_the_directory_answers_managed_names_and_asks_the_service_only_for_the_others():
    asked = []
    directory = compare.Directory(
        live=lambda org, name: (
            asked.append((org, name))
            or [item(name, "9000", location_id=ANNEX_ID, location_name="Annex"), item(name, "1", location_id=HQ_ID)]
        )
    )
    directory.manage(HQ_ID, "Headquarters")
    directory.put("ORG", item("Back", "2401"))
    directory.put("OTHER", item("Back", "7777"))
    lookup = directory.lookup("ORG", set())
    assert lookup("Back") == [item("Back", "2401")] and asked == []
    elsewhere = directory.lookup("ORG", {"Back"})
    found = elsewhere("Back")
    assert [entry["extension"] for entry in found] == ["2401", "9000"]  # the live HQ item is the directory's to answer
    elsewhere("Back")
    assert asked == [("ORG", "Back")]  # one look-up per organisation and name
    directory.drop("ORG", HQ_ID, "Back")
    assert directory.lookup("ORG", set())("Back") == []
    assert directory.is_managed("Headquarters") and directory.is_managed(HQ_ID) and not directory.is_managed("Annex")


def test_targets_elsewhere_are_the_names_referred_to_outside_the_managed_locations():
    directory = compare.Directory()
    directory.manage(HQ_ID, "Headquarters")
    key = {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT"}
    params = {
        "location": "Headquarters",
        "business_hours_menu": {
            "key_configurations": [
                dict(key, auto_attendant="Back"),
                dict(key, key="2", auto_attendant={"location": "Annex", "name": "Desk"}),
            ]
        },
    }
    assert compare.targets_elsewhere(params, "Headquarters", directory) == {"Desk"}


def test_renamed_follows_the_schedules_renamed_in_the_run():
    details = {"name": "Desk", "businessSchedule": "Office", "holidaySchedule": "Holidays"}
    result = compare.renamed(details, {("businessHours", "Office"): "Office 2", ("holidays", "Other"): "X"})
    assert result == dict(details, businessSchedule="Office 2") and details["businessSchedule"] == "Office"
    assert compare.renamed(details, {}) is details and compare.renamed(None, {("businessHours", "Office"): "x"}) is None


def test_planned_knows_what_exists_after_the_run():
    planned = compare.Planned()
    planned.schedules.add((HQ_ID, "businessHours", "Office"))
    planned.files.update({(None, "org.wav"), (HQ_ID, "hq.wav")})
    assert planned.has_schedule(HQ_ID, "businessHours", "Office") and not planned.has_schedule(
        HQ_ID, "holidays", "Office"
    )
    assert planned.has_audio_file(HQ_ID, {"level": "ORGANIZATION", "file_name": "org.wav"})
    assert planned.has_audio_file(HQ_ID, {"level": "LOCATION", "file_name": "hq.wav"})
    assert not planned.has_audio_file(ANNEX_ID, {"level": "LOCATION", "file_name": "hq.wav"})
    assert not planned.has_audio_file(HQ_ID, {"level": "ENTITY", "file_name": "hq.wav"})


def test_the_summary_counts_each_kind_with_keys_no_dict_method_has():
    entries = [
        {"kind": "auto_attendants", "action": "create"},
        {"kind": "auto_attendants", "action": "update"},
        {"kind": "auto_attendants", "action": "nothing"},
        {"kind": "schedules", "action": "delete"},
        {"kind": "schedules", "action": None, "failed": True},
        {"kind": "forwarding", "action": "update", "skipped": True},
    ]
    summary = compare.jinja_safe_summary(entries, ("schedules", "auto_attendants", "forwarding"))
    assert summary["total"] == {"created": 1, "updated": 1, "deleted": 1, "unchanged": 1, "failed": 1, "skipped": 1}
    assert summary["auto_attendants"] == {
        "created": 1,
        "updated": 1,
        "deleted": 0,
        "unchanged": 1,
        "failed": 0,
        "skipped": 0,
    }
    assert not set(summary["total"]) & set(dir(dict))
