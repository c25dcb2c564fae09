# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
name: webex_locations
short_description: Webex Calling locations of an organisation as inventory hosts
version_added: 0.2.0
author:
  - wxc.calling maintainers (@wxc-calling)
description:
  - "One host per Webex Calling location of the organisation (the token's, or O(org_id)), so that a playbook with
    C(hosts: webex_locations) and C(connection: local) converges each location in its own host, C(--forks) runs
    locations in parallel, C(--limit) picks some, and AWX job slicing spreads them over execution nodes."
  - "Host variables: C(webex_location_id), C(webex_location_name), and every other field the locations list returns,
    in snake_case with the prefix C(webex_): C(webex_org_id) (the organisation the service says the location is in),
    C(webex_time_zone), C(webex_preferred_language), C(webex_announcement_language), C(webex_address) (C(address1),
    C(address2), C(city), C(state), C(postal_code), C(country)), C(webex_latitude), C(webex_longitude),
    C(webex_notes); and C(webex_calling), the location's Webex Calling details as the calling locations list returns
    them (C(routing_prefix), C(outside_dial_digit), C(enforce_outside_dial_digit), C(calling_line_id),
    C(e911_setup_required))."
  - "Groups: every host is in C(webex_locations); by O(group_by), C(webex_country_<country>) (C(webex_country_US)),
    C(webex_state_<country>_<state>) (C(webex_state_US_CA)) and C(webex_time_zone_<time zone>)
    (C(webex_time_zone_America_New_York)), characters a group name cannot hold made C(_). O(keyed_groups),
    O(groups) and O(compose) work as in every constructed inventory, on the host variables above."
  - "Reads two lists, every page (following the service's C(Link: rel=\"next\") headers): C(GET /telephony/config/locations)
    (the Webex Calling locations, with their calling details) and C(GET /locations) (address, time zone, language),
    joined by id. A location without Webex Calling is no host. No request per location: the cost does not grow with
    more than the pages."
  - The connection options are those of every module of the collection, with the same environment variables
    (E(WEBEX_ACCESS_TOKEN), or E(WEBEX_CLIENT_ID), E(WEBEX_CLIENT_SECRET) and E(WEBEX_REFRESH_TOKEN); E(WEBEX_API_URL),
    E(WEBEX_ORG_ID)), so the collection's AWX credential type serves inventory sources too. A value set in the
    inventory file wins over the environment. No secret is ever in the inventory's output, its cache or its errors.
  - The inventory source is a YAML file whose name ends in C(webex_locations.yml) or C(webex_locations.yaml).
  - With O(cache), the two lists are kept in the inventory cache (the locations as the service returns them, never a
    credential), keyed by the file, the API URL and the organisation; C(ansible-inventory --flush-cache) reads
    them again.
extends_documentation_fragment:
  - wxc.calling.webex
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
options:
  plugin:
    description: Marks the file as a source of this plugin.
    required: true
    type: str
    choices: [wxc.calling.webex_locations]
  hostnames:
    description:
      - How each host is named.
      - V(slug) is the location's name made shell-safe for C(--limit) and AWX (C(Branch Office Denver) becomes
        C(branch-office-denver), accents dropped). Two locations whose names give the same slug (they differ only in
        case or punctuation), or a name that gives none, each get C(-) and eight characters of their id
        (C(headquarters-3c4d5e01)).
      - V(id) is the location id.
      - Either way C(webex_location_name) holds the exact name and C(webex_location_id) the id.
    type: str
    choices: [slug, id]
    default: slug
  group_by:
    description:
      - The groups by place each host is put in (see the description); V([]) makes none.
    type: list
    elements: str
    choices: [country, state, time_zone]
    default: [country, state, time_zone]
  filters:
    description:
      - Jinja2 conditions on the host variables (and C(inventory_hostname)); a location is a host only when every
        condition is true.
      - A condition on a variable a location does not have leaves that location out, or fails the inventory with
        O(strict). A condition that is not valid Jinja2, or whose result is not true or false, fails the inventory,
        naming it.
    type: list
    elements: str
    default: []
notes:
  - The locations list needs one of the scopes C(spark-admin:locations_read), C(spark-admin:people_read) or
    C(spark-admin:device_read); the calling locations list C(spark-admin:telephony_config_read). An administrator's
    token for the modules has them.
seealso:
  - module: wxc.calling.webex_site
  - ref: ansible_collections.wxc.calling.docsite.locations_inventory
    description: One host per location, job slicing on AWX and the nightly drift job.
"""

EXAMPLES = r"""
# webex_locations.yml: every Webex Calling location of the token's organisation, credentials from WEBEX_ACCESS_TOKEN
# (or the collection's AWX credential type). ansible-inventory -i webex_locations.yml --graph
plugin: wxc.calling.webex_locations

---
# A partner's customer organisation, only the locations in Europe, grouped by language, with a cache of one hour.
plugin: wxc.calling.webex_locations
org_id: Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE
filters:
  - webex_time_zone is match('Europe/')
keyed_groups:
  - key: webex_preferred_language
    prefix: language
groups:
  needs_e911: webex_calling.e911_setup_required
compose:
  main_number: webex_calling.calling_line_id.phone_number | default('')
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/wxc-calling-inventory
cache_timeout: 3600

---
# Then, in a playbook, each host converges its own location:
#   - hosts: webex_locations
#     connection: local
#     gather_facts: false
#     tasks:
#       - wxc.calling.webex_site:
#           auto_attendants:
#             - location: "{{ webex_location_id }}"
#               name: Main Line
#               ...
"""

import hashlib

from ansible.errors import AnsibleError, AnsibleParserError, AnsibleUndefinedVariable
from ansible.module_utils.common.parameters import AnsibleFallbackNotFound
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable

from ansible_collections.wxc.calling.plugins.module_utils._location.service import (
    list_calling_locations,
    list_locations,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import (
    REQUESTS_IMPORT_ERROR,
    ConnectionOptionsError,
    WebexApiError,
    WebexClient,
    webex_argument_spec,
)
from ansible_collections.wxc.calling.plugins.plugin_utils.location_hosts import (
    ALL_GROUP,
    host_names,
    host_variables,
    place_groups,
    records,
)

SOURCE_SUFFIXES = ("webex_locations.yml", "webex_locations.yaml")
# The options whose value is text (a vaulted value arrives as an object that str() decrypts).
TEXT_OPTIONS = ("access_token", "client_id", "client_secret", "refresh_token", "api_url", "org_id")


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    """One host per Webex Calling location (see DOCUMENTATION)."""

    NAME = "wxc.calling.webex_locations"

    def verify_file(self, path):
        return super().verify_file(path) and path.endswith(SOURCE_SUFFIXES)

    def connection_options(self):
        """The connection options as the modules take them: the file's value, else the modules' environment variable
        (webex_argument_spec's fallbacks: the one place both read), else the default."""
        params = {}
        for name, spec in webex_argument_spec().items():
            value, origin = self.get_option_and_origin(name)
            fallback = spec.get("fallback")
            if fallback and (value is None or origin == "default"):
                strategy, arguments = fallback
                try:
                    value = strategy(*arguments)
                except AnsibleFallbackNotFound:
                    pass
            if name in TEXT_OPTIONS and value is not None:
                value = str(value)
            params[name] = value
        return params

    def cache_key(self, path, params):
        """The cache key of PATH for the organisation PARAMS name: the file, the API URL and org_id, never a secret."""
        place = "%s %s" % (params.get("api_url") or "", params.get("org_id") or "")
        return "%s_%s" % (self.get_cache_key(path), hashlib.sha256(place.encode("utf-8")).hexdigest()[:8])

    def read_records(self, params):
        """The Webex Calling locations, each with its /locations entry (see location_hosts.records)."""
        if REQUESTS_IMPORT_ERROR is not None:
            raise AnsibleError(
                "%s needs the Python library requests on the controller: pip install requests" % self.NAME
            )
        try:
            client = WebexClient.from_options(params, warn=self.display.warning)
            calling = list_calling_locations(client)
            locations = list_locations(client)
        except ConnectionOptionsError as error:
            raise AnsibleParserError("%s: %s" % (self.NAME, error.msg)) from None
        except WebexApiError as error:
            raise AnsibleParserError("%s: %s" % (self.NAME, error)) from None
        return records(locations, calling)

    def parse(self, inventory, loader, path, cache=True):
        super().parse(inventory, loader, path, cache=cache)
        self._read_config_data(path)
        params = self.connection_options()
        key = self.cache_key(path, params)
        use_cache = self.get_option("cache") and cache
        update_cache = self.get_option("cache") and not cache
        found = None
        if use_cache:
            try:
                found = self._cache[key]
            except KeyError:
                update_cache = True
        if found is None:
            found = self.read_records(params)
        if update_cache:
            self._cache[key] = found
        self.populate(found)

    def passes(self, filters, variables, strict):
        """Whether every condition of FILTERS holds for a host with VARIABLES.

        A condition on a variable the location does not have (an undefined one) leaves it out, or fails with strict;
        any other error (a syntax error, a result that is not true or false) is a mistake in the option: it fails.
        """
        for index, condition in enumerate(filters or ()):
            self.templar.available_variables = variables
            try:
                if not self.templar.evaluate_conditional(condition):
                    return False
            except AnsibleUndefinedVariable as error:
                if strict:
                    raise AnsibleParserError(
                        "%s: filters[%d] %r for location %r: %s"
                        % (self.NAME, index, condition, variables.get("webex_location_name"), error)
                    ) from None
                return False
            except AnsibleError as error:
                raise AnsibleParserError("%s: filters[%d] %r: %s" % (self.NAME, index, condition, error)) from None
        return True

    def populate(self, found):
        strict = self.get_option("strict")
        filters = self.get_option("filters")
        group_by = self.get_option("group_by")
        try:
            names = host_names(found, self.get_option("hostnames"))
        except ValueError as error:
            raise AnsibleParserError("%s: %s" % (self.NAME, error)) from None
        self.inventory.add_group(ALL_GROUP)
        for name, record in zip(names, found):
            variables = host_variables(record)
            if not self.passes(filters, dict(variables, inventory_hostname=name), strict):
                continue
            self.inventory.add_host(name, group=ALL_GROUP)
            for variable, value in variables.items():
                self.inventory.set_variable(name, variable, value)
            for group in place_groups(variables, group_by):
                group = self.inventory.add_group(self._sanitize_group_name(group))
                self.inventory.add_child(group, name)
            host_vars = self.inventory.get_host(name).get_vars()
            self._set_composite_vars(self.get_option("compose"), host_vars, name, strict=strict)
            self._add_host_to_composed_groups(self.get_option("groups"), {}, name, strict=strict)
            self._add_host_to_keyed_groups(self.get_option("keyed_groups"), {}, name, strict=strict)
