#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: webex_auto_attendant
short_description: Create, update and delete Webex Calling auto attendants
version_added: 0.1.0
description:
  - Converges one Webex Calling auto attendant, identified by its O(location) and its exact O(name).
  - It looks the auto attendant up first, then creates it, updates only what differs, deletes it, or does nothing.
  - The options mirror the body of the Webex C(Create an Auto Attendant) request, in snake_case.
  - Options that are not set are left alone on update. The service owns their values and defaults.
  - Key configurations and alternate numbers are compared as sets, keyed by key and by number. Audio files are compared
    by id, or by file name and level when no id is given. A changed menu is sent whole, keeping the fields of it
    (and of its keys) that the module does not manage. Phone numbers are compared in E.164 form.
  - Before a write, it checks what the write refers to (pre-flight) - the schedules exist in the location with the
    right type, audio files given by file name exist at their level, new numbers are free numbers of the location -
    and fails naming the option and the value, with nothing written. In check mode such a problem is a warning, since
    the same run may create it first. A run that writes nothing makes no pre-flight call.
  - An audio file may be given by its announcement name and level instead (since 0.2.0); the name is resolved to the
    file the service stores before comparing, like an auto attendant named in a key.
author:
  - wxc.calling maintainers (@wxc-calling)
extends_documentation_fragment:
  - wxc.calling.webex
  - wxc.calling.attributes
  - wxc.calling.attributes.actiongroup_webex
attributes:
  check_mode:
    support: full
    details: Reads only and returns the predicted auto attendant and diff.
  diff_mode:
    support: full
    details: The managed fields before and after, in snake_case. A creation has an empty before; a deletion an empty after.
  idempotent:
    support: full
    details: Compared the way the service stores values, keys and alternate numbers as sets, audio files by identity.
options:
  name:
    description:
      - Unique name of the auto attendant in its location. Together with O(location) it identifies the auto attendant.
      - At most 80 characters, no control characters. Kept exactly as given (spaces included).
      - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
    type: raw
    required: true
  location:
    description:
      - The location of the auto attendant, by id or by exact (case-sensitive) name.
      - An id saves one API call.
      - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
    type: raw
    required: true
  state:
    description:
      - V(present) creates or updates the auto attendant; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  phone_number:
    description:
      - Phone number of the auto attendant, in E.164 format (V(+19705550026)).
      - Either O(phone_number) or O(extension) is needed to create an auto attendant.
      - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
    type: raw
  extension:
    description:
      - Extension of the auto attendant, 2 to 10 digits. Leading zeros are kept.
      - Either O(phone_number) or O(extension) is needed to create an auto attendant.
      - Text only, a string of digits. An unquoted V(0100) is the number 64 to YAML and is refused; write V("0100").
    type: raw
  first_name:
    description:
      - First name of the auto attendant (deprecated by Webex in favour of O(direct_line_caller_id_name) and O(dial_by_name)).
      - V("") clears it (sent as an empty string); the service then leaves it out of its details, which counts as applied.
      - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
    type: raw
  last_name:
    description:
      - Last name of the auto attendant (deprecated by Webex in favour of O(direct_line_caller_id_name) and O(dial_by_name)).
      - V("") clears it (sent as an empty string); the service then leaves it out of its details, which counts as applied.
      - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
    type: raw
  alternate_numbers:
    description:
      - Alternate numbers of the auto attendant. The list replaces the existing one; order does not matter.
      - V([]) removes every alternate number.
    type: list
    elements: dict
    suboptions:
      phone_number:
        description:
          - Alternate number, in E.164 format.
          - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
        type: raw
        required: true
      ring_pattern:
        description: Ring pattern used for calls to this number.
        type: str
        required: true
        choices: [NORMAL, LONG_LONG, SHORT_SHORT_LONG, SHORT_LONG_SHORT]
      toll_free_number:
        description:
          - Whether the number is toll-free. Ignored (never sent, never compared), since the service derives it from
            the number. Accepted so that playbooks that set it keep running.
        type: bool
  language_code:
    description:
      - Announcement language code, for example V(en_us). The service defaults to the location's language.
    type: str
  business_schedule:
    description:
      - Name of the business hours schedule of the location. Needed to create an auto attendant. Not empty.
      - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
    type: raw
  holiday_schedule:
    description:
      - Name of the holiday schedule of the location.
      - V("") removes the holiday schedule from the auto attendant (sent as an empty string; the Webex API document does
        not say how a holiday schedule is removed, and that the service takes V("") is not verified against a real
        organisation). The service then leaves it out of its details, which counts as applied.
      - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
    type: raw
  extension_dialing:
    description:
      - Extension dialing scope. The service defaults to V(ENTERPRISE).
    type: str
    choices: [ENTERPRISE, GROUP]
  name_dialing:
    description:
      - Name dialing scope. The service defaults to V(ENTERPRISE).
    type: str
    choices: [ENTERPRISE, GROUP]
  time_zone:
    description:
      - Time zone, for example V(America/Los_Angeles). The service defaults to the location's time zone.
    type: str
  dial_by_name:
    description:
      - Name callers find the auto attendant by in dial by name. No V(%), V(+), V(\\), V(") or non-ASCII characters.
      - V("") clears it, as the Webex API document says (null or an empty string); the service then leaves it out of its
        details, which counts as applied.
      - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
    type: raw
  direct_line_caller_id_name:
    description:
      - Caller ID name shown for calls from the auto attendant's direct line.
    type: dict
    suboptions:
      selection:
        description: V(DISPLAY_NAME) shows the auto attendant's name; V(CUSTOM_NAME) shows O(direct_line_caller_id_name.custom_name).
        type: str
        required: true
        choices: [CUSTOM_NAME, DISPLAY_NAME]
      custom_name:
        description:
          - The name to show; needed with V(CUSTOM_NAME).
          - With V(DISPLAY_NAME), V("") clears a custom name the service still keeps (as the Webex API document says, null
            or an empty string); any other custom name given with V(DISPLAY_NAME) is not compared.
          - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
        type: raw
  business_hours_menu:
    description:
      - Menu played during business hours. Needed to create an auto attendant.
      - Parts of the menu that are not set (the greeting file, the call treatment) keep the service's values.
    type: dict
    suboptions: &menu
      greeting:
        description: V(DEFAULT) plays the default greeting; V(CUSTOM) plays the menu's O(business_hours_menu.audio_announcement_file).
        type: str
        required: true
        choices: [DEFAULT, CUSTOM]
      extension_enabled:
        description: Whether callers may dial an extension directly from the menu.
        type: bool
        required: true
      audio_announcement_file: &audio
        description:
          - Announcement file from the announcement repository. Name it one way - its O(business_hours_menu.audio_announcement_file.id);
            or its announcement O(business_hours_menu.audio_announcement_file.name) and
            O(business_hours_menu.audio_announcement_file.level); or all of O(business_hours_menu.audio_announcement_file.file_name),
            O(business_hours_menu.audio_announcement_file.media_file_type) and O(business_hours_menu.audio_announcement_file.level).
          - The same holds for the file of a V(PLAY_ANNOUNCEMENT) key and of the call treatment.
          - For the menu's own file, V({}) (no suboption set) removes the file, with O(business_hours_menu.greeting)
            V(DEFAULT) only; the menu is then sent without one.
          - Only the file's id, file name, media type and level are ever sent, never a field the service adds when it
            shows the file.
        type: dict
        suboptions:
          id:
            description: Id of the announcement.
            type: str
          name:
            description:
              - Name of the announcement in the repository, as M(wxc.calling.webex_announcement) manages it, with
                O(business_hours_menu.audio_announcement_file.level) V(ORGANIZATION) or V(LOCATION) (the auto
                attendant's location). Not with an id, a file name or a media type.
              - The module looks the exact name up before comparing and before any write (one lookup per distinct level
                and name), and uses the file the service stores - its id, file name, media type and level - so the
                comparison goes by id and a re-run writes nothing.
              - An announcement that does not exist fails the task before any write, naming the option and the name. In
                check mode it is a warning instead (the real run fails unless it is created first, for example by an
                earlier M(wxc.calling.webex_announcement) task), and the menu is reported as changed.
              - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
            type: raw
            version_added: 0.2.0
          file_name:
            description: File name of the announcement, for example V(AUDIO_FILE.wav).
            type: str
          media_file_type:
            description: Media type of the file.
            type: str
            choices: [WAV, WMA, 3GP]
          level:
            description:
              - Whether the file belongs to the organisation or to the location.
              - V(ENTITY) (since 0.2.0) is a file the auto attendant itself owns, made in Control Hub and listed by the
                attendant's own announcements; an export shows it, and applying it again refers to the same file.
              - With O(business_hours_menu.audio_announcement_file.name), V(ORGANIZATION) or V(LOCATION) only.
            type: str
            choices: [ORGANIZATION, LOCATION, ENTITY]
      key_configurations:
        description:
          - Every key of the menu. The list replaces the menu's keys; order does not matter; a key may appear once.
        type: list
        elements: dict
        required: true
        suboptions:
          key:
            description: The key.
            type: str
            required: true
            choices: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']
          action:
            description:
              - What the key does. V(TRANSFER_WITH_PROMPT), V(TRANSFER_WITHOUT_PROMPT) and V(TRANSFER_TO_MAILBOX) need a
                O(business_hours_menu.key_configurations[].value).
              - V(PLAY_ANNOUNCEMENT) needs an O(business_hours_menu.key_configurations[].audio_announcement_file).
              - V(TRANSFER_TO_OPERATOR) takes no value (the service rejects one with error 4806); to send callers to a
                given operator, use V(TRANSFER_WITHOUT_PROMPT) with the operator's number. A value the service shows
                for such a key (Control Hub can store one) is left out of the comparison, with a warning.
              - V(RETURN_TO_PREVIOUS_MENU) (since 0.2.0) is a legacy action that attendants made long ago in Control Hub
                may still carry. It is accepted so that an export applies again unchanged, but the API refuses it in a
                write and has no equivalent. When the menu that holds it changes (the whole menu is sent), the task
                fails before any request, naming the key. Declare that key with V(TRANSFER_WITHOUT_PROMPT) and
                O(business_hours_menu.key_configurations[].auto_attendant) (the attendant callers should go back to),
                V(REPEAT_MENU) or V(EXIT) instead, or leave it out.
            type: str
            required: true
            choices: [PLAY_ANNOUNCEMENT, TRANSFER_WITH_PROMPT, TRANSFER_WITHOUT_PROMPT, TRANSFER_TO_OPERATOR, TRANSFER_TO_MAILBOX,
                      NAME_DIALING, EXTENSION_DIALING, REPEAT_MENU, EXIT, RETURN_TO_PREVIOUS_MENU]
          description:
            description:
              - Description of the key.
              - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
            type: raw
          value:
            description:
              - Destination of a transfer, an E.164 number or an extension.
              - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
              - The service reads a North-American number back as V(+1-9195559876); it is compared as the E.164
                number V(+19195559876), so a re-run reports no change.
              - Or name the auto attendant to transfer to with O(business_hours_menu.key_configurations[].auto_attendant)
                instead.
            type: raw
          auto_attendant:
            description:
              - Another auto attendant to transfer to, by name, instead of O(business_hours_menu.key_configurations[].value)
                (give one of the two). Only with V(TRANSFER_WITH_PROMPT), V(TRANSFER_WITHOUT_PROMPT) or V(TRANSFER_TO_MAILBOX).
              - "Either the exact name of an auto attendant of the same location (V(Support Menu)), or a dictionary with
                C(name) and C(location) (a location id or exact name) for an auto attendant of another location."
              - The module resolves it before any write, with one lookup per distinct name, to the target's extension
                (same location), its ESN (routing prefix and extension; another location) or, when it has no extension,
                its phone number. That number is what the service stores and what the comparison uses.
              - A target that does not exist fails the task before any write, naming the option and the name. In check
                mode it is a warning instead (the real run fails unless the target is created first), and the key is
                reported as changed.
            type: raw
            version_added: 0.2.0
          audio_announcement_file: *audio
      call_treatment:
        description: What happens when the caller presses nothing. Only the parts set are managed.
        type: dict
        suboptions:
          retry_attempt_for_no_input:
            description: How many times the greeting is repeated.
            type: str
            choices: [NO_REPEAT, ONE_TIME, TWO_TIMES, THREE_TIMES]
          no_input_timer:
            description: Seconds to wait for input, 1 to 60. Sent as the text the Webex API document types it as (V("10")).
            type: int
          action_to_be_performed:
            description: The action once the retries are used up.
            type: dict
            suboptions:
              action:
                description: The action.
                type: str
                required: true
                choices: [PLAY_MESSAGE_AND_DISCONNECT, TRANSFER_WITHOUT_PROMPT, TRANSFER_WITH_PROMPT, TRANSFER_TO_OPERATOR,
                          TRANSFER_TO_MAILBOX, DISCONNECT]
              greeting:
                description:
                  - Greeting played with V(PLAY_MESSAGE_AND_DISCONNECT).
                  - The Webex API document requires a greeting in the action. When it is not set, the action is sent
                    with the service's greeting for the same action (and its file, for V(CUSTOM)), else with V(DEFAULT).
                type: str
                choices: [DEFAULT, CUSTOM]
              audio_announcement_file: *audio
              transfer_call_to:
                description:
                  - Destination of the transfer actions.
                  - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
                type: raw
              auto_attendant:
                description:
                  - Another auto attendant to transfer to, by name, instead of
                    O(business_hours_menu.call_treatment.action_to_be_performed.transfer_call_to); resolved like
                    O(business_hours_menu.key_configurations[].auto_attendant).
                type: raw
                version_added: 0.2.0
  after_hours_menu:
    description:
      - Menu played outside business hours and on holidays. Needed to create an auto attendant.
      - Same suboptions as O(business_hours_menu).
    type: dict
    suboptions: *menu
notes:
  - The Webex list filter on names matches any name that contains the given text; the module always matches the exact
    name itself, over every page of results. Two auto attendants with the same name in one location make it fail, listing
    their ids.
  - Creating needs O(business_schedule), O(business_hours_menu), O(after_hours_menu) and O(phone_number) or O(extension).
  - Clearing a value - O(dial_by_name), O(first_name), O(last_name), O(holiday_schedule) and
    O(direct_line_caller_id_name.custom_name) with V(""), a menu's audio file with V({}), O(alternate_numbers) with V([]) -
    is verified by reading the auto attendant back; a field the service leaves out after the clear counts as cleared.
  - A changed menu is sent whole, with the fields of the 2026 Webex API request schema only (the greeting, extension
    dialing, the audio file's id, file name, media type and level, the keys, the call treatment); a read-only field the
    service shows, or one of a newer API version, is never sent back.
seealso:
  - name: Create an Auto Attendant
    description: The Webex API request whose body the options mirror.
    link: https://developer.webex.com/docs/api/v1/features-auto-attendant/create-an-auto-attendant
"""

EXAMPLES = r"""
- name: Create the auto attendant of the Webex documentation example
  wxc.calling.webex_auto_attendant:
    location: Headquarters
    name: Main Line AA - Test
    phone_number: "+19705550026"
    extension: "200"
    first_name: Main Line AA
    last_name: Test
    language_code: en_us
    business_schedule: AUTOATTENDANT-BUSINESS-HOURS
    holiday_schedule: AUTOATTENDANT-HOLIDAY
    extension_dialing: ENTERPRISE
    name_dialing: ENTERPRISE
    time_zone: America/Los_Angeles
    business_hours_menu:
      greeting: DEFAULT
      audio_announcement_file:
        id: Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw
        file_name: AUDIO_FILE.wav
        media_file_type: WAV
        level: ORGANIZATION
      extension_enabled: true
      key_configurations:
        - {key: "0", action: EXIT}
        - {key: "1", action: TRANSFER_WITHOUT_PROMPT, value: "+19175551092"}
        - {key: "2", action: TRANSFER_WITH_PROMPT, value: "+19073569984"}
        - {key: "3", action: EXTENSION_DIALING}
        - {key: "4", action: TRANSFER_TO_MAILBOX, value: "+19705550006"}
        - key: "5"
          action: PLAY_ANNOUNCEMENT
          audio_announcement_file:
            id: Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw
            file_name: AUDIO_FILE.wav
            media_file_type: WAV
            level: ORGANIZATION
        - {key: "6", action: REPEAT_MENU}
    after_hours_menu:
      greeting: DEFAULT
      audio_announcement_file:
        id: Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw
        file_name: AUDIO_FILE.wav
        media_file_type: WAV
        level: ORGANIZATION
      extension_enabled: true
      key_configurations:
        - {key: "0", action: EXIT}
        - key: "1"
          action: PLAY_ANNOUNCEMENT
          audio_announcement_file:
            id: Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw
            file_name: AUDIO_FILE.wav
            media_file_type: WAV
            level: ORGANIZATION

- name: Change only the holiday schedule and the name dialing scope; everything else is left alone
  wxc.calling.webex_auto_attendant:
    location: Headquarters
    name: Main Line AA - Test
    holiday_schedule: AUTOATTENDANT-HOLIDAY
    name_dialing: GROUP

- name: Preview a menu change without writing anything
  wxc.calling.webex_auto_attendant:
    location: Headquarters
    name: Main Line AA - Test
    business_hours_menu:
      greeting: DEFAULT
      extension_enabled: true
      key_configurations:
        - {key: "0", action: TRANSFER_WITHOUT_PROMPT, value: "1000", description: Operator}
        - {key: "1", action: TRANSFER_WITH_PROMPT, value: "+19175551092", description: Sales}
        - {key: "*", action: REPEAT_MENU}
  check_mode: true
  diff: true
  register: preview

- name: Keys that lead to other auto attendants, by name
  wxc.calling.webex_auto_attendant:
    location: Headquarters
    name: Reception
    extension: "2000"
    business_schedule: AUTOATTENDANT-BUSINESS-HOURS
    business_hours_menu:
      greeting: DEFAULT
      extension_enabled: true
      key_configurations:
        # Stored as Support Menu's extension (same location)
        - {key: "1", action: TRANSFER_WITHOUT_PROMPT, auto_attendant: Support Menu, description: Support}
        # Stored as Reception's ESN in Denver (another location), or its phone number when it has no extension
        - key: "2"
          action: TRANSFER_WITH_PROMPT
          auto_attendant: {location: Branch Office Denver, name: Reception}
          description: Denver
      call_treatment:
        action_to_be_performed: {action: TRANSFER_WITHOUT_PROMPT, auto_attendant: Support Menu}
    after_hours_menu:
      greeting: DEFAULT
      extension_enabled: true
      key_configurations:
        - {key: "#", action: EXIT}

- name: Upload the greeting to the location's announcement repository
  wxc.calling.webex_announcement:
    name: Welcome
    path: files/welcome.wav
    location: Headquarters

- name: Play it in the business hours menu, by its announcement name
  wxc.calling.webex_auto_attendant:
    location: Headquarters
    name: Reception
    business_hours_menu:
      greeting: CUSTOM
      audio_announcement_file: {name: Welcome, level: LOCATION}
      extension_enabled: true
      key_configurations:
        - {key: "0", action: TRANSFER_WITHOUT_PROMPT, value: "1000", description: Operator}
        - key: "9"
          action: PLAY_ANNOUNCEMENT
          audio_announcement_file: {name: Opening hours, level: ORGANIZATION}

- name: Delete the auto attendant
  wxc.calling.webex_auto_attendant:
    location: Headquarters
    name: Main Line AA - Test
    state: absent

- name: Set the token and the API once for every module of the collection
  module_defaults:
    group/wxc.calling.webex:
      access_token: "{{ webex_access_token }}"
  block:
    - name: Converge a small auto attendant
      wxc.calling.webex_auto_attendant:
        location: Headquarters
        name: Reception
        extension: "2100"
        business_schedule: AUTOATTENDANT-BUSINESS-HOURS
        business_hours_menu:
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - {key: "0", action: EXIT}
        after_hours_menu:
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - {key: "0", action: EXIT}
"""

RETURN = r"""
auto_attendant:
  description:
    - The auto attendant after the task, in snake_case; null when it is absent.
    - In check mode, the predicted state. After an update, what the module sent merged into what it had read.
  returned: always
  type: dict
  sample:
    id: Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2QyRXdhV2R5TVRCamIwQTJORGswTVRJNU55NXBiblF4TUM1aVkyeGtMbmRsWW1WNExtTnZiUQ
    name: Main Line AA - Test
    location_id: Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzMxMTYx
    enabled: true
    phone_number: "+19705550026"
    extension: "200"
    esn: "8001200"
    routing_prefix: "8001"
    toll_free_number: false
    language: English
    language_code: en_us
    business_schedule: AUTOATTENDANT-BUSINESS-HOURS
    holiday_schedule: AUTOATTENDANT-HOLIDAY
    extension_dialing: ENTERPRISE
    name_dialing: ENTERPRISE
    time_zone: America/Los_Angeles
    business_hours_menu:
      greeting: DEFAULT
      extension_enabled: true
      key_configurations:
        - {key: "0", action: EXIT}
    after_hours_menu:
      greeting: DEFAULT
      extension_enabled: true
      key_configurations:
        - {key: "0", action: EXIT}
diff:
  description: The managed fields before and after the task, in snake_case, when diff mode is on.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: The fields before the task; empty on creation.
      type: dict
      returned: when diff mode is on
    after:
      description: The fields after the task; empty on deletion.
      type: dict
      returned: when diff mode is on
api_error:
  description: The failed API call, when the task failed on one. The token is never included.
  returned: on an API failure
  type: dict
  contains:
    method:
      description: HTTP method.
      type: str
      returned: on an API failure
    path:
      description: Path of the request, below O(api_url).
      type: str
      returned: on an API failure
    status:
      description: HTTP status code; null when no response came.
      type: int
      returned: on an API failure
    message:
      description: The Webex error message.
      type: str
      returned: on an API failure
    error_code:
      description: The Webex error code, when the service gave one.
      type: int
      returned: on an API failure
    tracking_id:
      description: The Webex tracking id, to quote to Webex support.
      type: str
      returned: on an API failure
"""

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.converge import run
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.options import argument_spec, validate_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import run_module


def main():
    run_module(argument_spec(), run, validate=validate_options)


if __name__ == "__main__":
    main()
