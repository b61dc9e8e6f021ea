"""Escape attempts against the template sandbox, as data: one row per attempt.

Each body is a whole custom template (``en/first_statement.txt.j2`` of a
pack). ``@CANARY@`` is a file the attempt tries to create, ``@SECRET@`` a
file whose content it tries to read; neither may happen, and every attempt
must end with a clear ``TemplateError``.

Sources: the public Jinja2 sandbox write-ups and SSTI payload lists (the
``__class__``/``__mro__``/``__subclasses__``/``__globals__`` chains through
whatever object is at hand), the str.format escapes (CVE-2016-10745,
CVE-2019-10906 format_map, CVE-2024-56326 stored format method,
CVE-2025-27516 ``|attr('format')``), and every surface of the pydantic
models templates used to receive (issue 8 §1).

Sizes: the resource rows are sized to be harmless for a plain Python process
(well under a second, tens of MB) but far above the limits the table runs
with (:data:`TABLE_LIMITS`), so they show both that the sandbox stops them and
that an unbounded environment would not.
"""

from __future__ import annotations

from dataclasses import dataclass

from crisiscomms.limits import RenderLimits

#: The limits the table runs with: a tenth of what the resource rows need.
TABLE_LIMITS = RenderLimits(
    seconds=20.0,
    steps=50_000,
    output_chars=200_000,
    items=20_000,
    work_chars=2_000_000,
    int_bits=256,
)

PICKLE = "cos\nsystem\n(S'touch @CANARY@'\ntR."


@dataclass(frozen=True)
class Attempt:
    id: str
    body: str
    source: str = ""


A = Attempt

ATTEMPTS: list[Attempt] = [
    # -- Python object graph: the classic SSTI chains, from every object in reach
    A("str-mro-subclasses", "{{ ''.__class__.__mro__[1].__subclasses__() }}", "SSTI lists"),
    A("tuple-base-subclasses", "{{ ().__class__.__base__.__subclasses__() }}", "SSTI lists"),
    A("facts-init-globals", "{{ incident.__class__.__init__.__globals__ }}", "SSTI lists"),
    A(
        "facts-globals-os-system",
        "{{ incident.__init__.__globals__['os'].system('touch @CANARY@') }}",
        "SSTI lists",
    ),
    A("facts-dict", "{{ incident.__dict__ }}"),
    A("facts-private-slot", "{{ incident._data }}"),
    A("facts-dunder-as-item", "{{ incident['__class__'] }}"),
    A("text-class-mro", "{{ incident.service.__class__.__mro__ }}"),
    A("lang-class-subclasses", "{{ lang.__class__.__base__.__subclasses__() }}"),
    A(
        "builtins-open-secret",
        "{{ self.__init__.__globals__.__builtins__.open('@SECRET@').read() }}",
        "SSTI lists",
    ),
    A("list-base-subclasses", "{{ [].__class__.__base__.__subclasses__()[0] }}"),
    # -- str.format and friends (CVE-2016-10745, CVE-2019-10906, CVE-2024-56326, CVE-2025-27516)
    A("format-method", "{{ '{0.__class__.__mro__}'.format(incident) }}", "CVE-2016-10745"),
    A(
        "format-map",
        "{{ '{x.__init__.__globals__}'.format_map({'x': incident}) }}",
        "CVE-2019-10906",
    ),
    A(
        "stored-format-method",
        "{% set f = '{0.__class__.__init__.__globals__}'.format %}{{ f(incident) }}",
        "CVE-2024-56326",
    ),
    A(
        "format-through-filter",
        "{% set f = '{0.__class__}'.format %}{{ [incident]|map(f)|list }}",
        "CVE-2024-56326",
    ),
    A(
        "attr-format",
        "{{ ''|attr('format')('{0.__class__.__mro__}', incident) }}",
        "CVE-2025-27516",
    ),
    A("printf-percent", "{{ '%s and %s' % (incident, lang) }}"),
    A("format-filter", "{{ '%s'|format(incident.__class__) }}"),
    A("attr-class", "{{ incident|attr('__class__') }}"),
    A("attr-chain", "{{ lang|attr('__class__')|attr('__mro__') }}"),
    A("attr-parse-raw", "{{ incident|attr('parse_raw') }}"),
    # -- Jinja's globals and our registered function
    A(
        "cycler-globals-os",
        "{{ cycler.__init__.__globals__.os.popen('touch @CANARY@').read() }}",
        "SSTI lists",
    ),
    A("joiner-globals", "{{ joiner.__init__.__globals__ }}", "SSTI lists"),
    A("namespace-globals", "{{ namespace.__init__.__globals__.os }}", "SSTI lists"),
    A(
        "lipsum-popen",
        "{{ lipsum.__globals__['os'].popen('touch @CANARY@').read() }}",
        "SSTI lists",
    ),
    A("namespace-holds-facts", "{% set ns = namespace(a=incident) %}{{ ns.a.__class__ }}"),
    A("dict-global-subclasses", "{{ dict.__base__.__subclasses__() }}"),
    A("range-class", "{{ range(3).__class__.__mro__ }}"),
    A("placeholder-globals", "{{ placeholder.__globals__ }}"),
    A(
        "placeholder-globals-open",
        "{{ placeholder.__globals__.__builtins__.open('@SECRET@').read() }}",
    ),
    # -- calls that are not macros or registered functions: methods, Jinja's helpers
    A("str-method-call", "{{ lang.upper() }}"),
    A("str-method-on-fact", "{{ incident.service.en.split(' ')|join('-') }}"),
    A("lipsum-call", "{{ lipsum(1)|length }}"),
    A("cycler-call", "{{ cycler('a', 'b').next() }}"),
    A("joiner-call", "{% set j = joiner(',') %}{{ j() }}{{ j() }}"),
    A("namespace-call", "{% set ns = namespace(x=1) %}{% set ns.x = 2 %}{{ ns.x }}"),
    A("dict-call", "{{ dict(a=1)|length }}"),
    A("loop-cycle-call", "{% for x in [1, 2] %}{{ loop.cycle('odd', 'even') }}{% endfor %}"),
    A("loop-changed-call", "{% for x in [1, 2] %}{{ loop.changed(x) }}{% endfor %}"),
    A(
        "recursive-loop-call",
        "{% for x in [[1], [2]] recursive %}{% if x is sequence %}{{ loop(x) }}{% endif %}"
        "{% endfor %}",
    ),
    # -- mutating what a template can get hold of
    A("list-append", "{% set l = [] %}{{ l.append(1) }}{{ l.extend([2]) }}{{ l|length }}"),
    A("dict-update", "{% set d = {} %}{{ d.update({'a': 1}) }}{{ d.setdefault('b', 2) }}"),
    # -- loop, self and macro internals
    A(
        "loop-class-globals",
        "{% for x in [1] %}{{ loop.__class__.__init__.__globals__ }}{% endfor %}",
    ),
    A("loop-method-globals", "{% for x in [1] %}{{ loop.cycle.__func__.__globals__ }}{% endfor %}"),
    A(
        "macro-func-globals",
        "{% import 'en/_macros.txt.j2' as m with context %}{{ m.scope._func.__globals__ }}",
    ),
    A(
        "macro-environment",
        "{% macro f() %}{% endmacro %}"
        "{{ f._environment.loader.get_source(f._environment, '@SECRET@') }}",
    ),
    A(
        "caller-internals",
        "{% macro f() %}{{ caller._func.__globals__ }}{% endmacro %}{% call f() %}x{% endcall %}",
    ),
    A("self-context", "{{ self._TemplateReference__context.environment.globals }}", "SSTI"),
    A("self-class", "{{ self.__class__.__init__.__globals__ }}"),
    A("module-body-stream", "{% import 'en/_macros.txt.j2' as m %}{{ m._body_stream }}"),
    # -- every pydantic surface the models carried (issue 8 §1)
    A(
        "pydantic-parse-raw-pickle",
        '{{ incident.parse_raw("' + PICKLE + "\", proto='pickle', allow_pickle=True) }}",
        "issue 8",
    ),
    A("pydantic-parse-file", "{{ incident.organization.parse_file('@SECRET@') }}", "issue 8"),
    A(
        "pydantic-field-annotation",
        "{{ incident.model_fields['service'].annotation.__subclasses__() }}",
        "issue 8",
    ),
    A("pydantic-validate-json", '{{ incident.service.model_validate_json(\'{"zh": "x"}\') }}'),
    A("pydantic-construct", "{{ incident.service.construct(zh='injected') }}"),
    A("pydantic-model-construct", "{{ incident.service.model_construct(zh='injected') }}"),
    A("pydantic-copy-update", "{{ incident.copy(update={'status': 'resolved'}).status }}"),
    A("pydantic-validator", "{{ incident.__pydantic_validator__ }}"),
    A("pydantic-schema-json", "{{ incident.schema_json() }}"),
    A("pydantic-json-schema", "{{ incident.model_json_schema() }}"),
    A("pydantic-json", "{{ incident.json() }}"),
    A("pydantic-parse-obj", "{{ incident.service.parse_obj({'zh': 'x'}) }}"),
    A("pydantic-model-config", "{{ incident.model_config }}"),
    A("pydantic-fields-dict", "{{ incident.__fields__ }}"),
    A("pydantic-zone-property", "{{ incident.zone.__class__ }}"),
    A("facts-list-append", "{{ incident.timeline.append(1) }}"),
    # -- datetime and Decimal methods
    A("datetime-strftime", "{{ incident.started_at.strftime('%Y') }}"),
    A("datetime-fromtimestamp", "{{ incident.started_at.fromtimestamp(0) }}"),
    A("datetime-tzinfo-class", "{{ incident.started_at.tzinfo.__class__ }}"),
    A("datetime-replace", "{{ incident.started_at.replace(year=1) }}"),
    A("decimal-method", "{{ incident.compensation[0]['items'][0].amount.scaleb(3) }}"),
    # -- our filters with hostile arguments
    A("filter-extra-argument", "{{ incident.started_at|datetime(incident) }}"),
    A("filter-huge-count", "{{ 99999999999999999999999999999|number }}"),
    A("filter-money-on-text", "{{ incident.service|money('CNY') }}"),
    A("filter-listing-records", "{{ [incident, incident]|listing }}"),
    A("filter-term-group", "{{ 'locale'|term('locale') }}"),
    A("filter-t-on-string", "{{ lang|t }}"),
    A("filter-span-on-string", "{{ incident.started_at|span(lang) }}"),
    A("placeholder-of-record", "{{ placeholder(incident) }}"),
    # -- Jinja filters that are not on the allowlist
    A("filter-center-bomb", "{{ 'x'|center(3000000)|length }}"),
    A("filter-pprint", "{{ incident|pprint }}"),
    A("filter-xmlattr", "{{ {'a': lang}|xmlattr }}"),
    A("filter-urlize", "{{ 'see http://example.com'|urlize }}"),
    A("filter-indent-bomb", "{{ 'x\ny'|indent(3000000)|length }}"),
    # -- loading files by name
    A("include-traversal", "{% include '../../../../../../../../etc/passwd' %}"),
    A("include-secret", "{% include '@SECRET@' %}"),
    A("import-secret", "{% import '@SECRET@' as s %}{{ s }}"),
    A("include-terms", "{% include 'en/terms.toml' %}"),
    # -- recursion, time and memory
    A("macro-recursion", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"),
    A(
        "macro-exponential",
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(15) }}",
    ),
    A(
        "nested-loops",
        "{% for i in range(700) %}{% for j in range(700) %}{% endfor %}{% endfor %}",
    ),
    A("string-multiply", "{{ ('x' * 3000000)|length }}"),
    A("list-multiply", "{{ ([1] * 3000000)|length }}"),
    A("range-list", "{{ range(300000)|list|length }}"),
    A(
        "tilde-doubling",
        "{% set a = 'x' * 1000 %}" + "{% set a = a ~ a %}" * 12 + "{{ a|length }}",
    ),
    A(
        "captured-block",
        "{% set s %}{% for i in range(3000) %}{{ 'y' * 100 }}{% endfor %}{% endset %}"
        "{{ s|length }}",
    ),
    A(
        "nested-list-repr",
        "{% set a = [1, 1] %}" + "{% set a = [a, a] %}" * 17 + "{{ a|string|length }}",
    ),
    A("big-power", "{{ (7 ** 100000) > 1 }}"),
    A("huge-sort", "{{ ('x' * 150000)|sort|length }}"),
    A("deep-brackets", "{{ " + "[" * 3000 + "]" * 3000 + " }}"),
    A("nested-blocks", "{% for i in [1] %}" * 30 + "x" + "{% endfor %}" * 30),
    A("output-flood", "{% for i in range(3000) %}{{ 'z' * 100 }}{% endfor %}"),
]

assert len({a.id for a in ATTEMPTS}) == len(ATTEMPTS), "attempt ids must be unique"
