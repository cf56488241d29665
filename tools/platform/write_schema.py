#!/usr/bin/env python3
"""Regenerates what is derived from the rule registry and the linkedin_2025 preset:
- the platform part of scenarios/schema.json ($defs/platform and $defs/platform_*): only those
  blocks are rewritten, in the file's one-property-per-line style, so the rest of the schema
  (owned by other modules) is untouched;
- the rules table of docs/platform.md (between its "generated" markers).

Run from the repository root after adding a rule or changing a rule's parameters, summary or
defaults: python3 tools/platform/write_schema.py [PATH-TO-LINKSIM, default build/linksim]

The rules, their summaries (R::kSummary) and their parameters' schemas (R::Params::schema()) come
from the registry in sim/platform/rule_factory.cpp through `linksim rules --json`; each
parameter's $comment is its linkedin_2025 default and source. Both presets must give defaults for
exactly each rule's parameters and "enabled" (checked here, before anything is written).
"""
import json, re, subprocess, sys

PLANS = ["free", "premium_career", "premium_business", "sales_nav_core", "sales_nav_advanced", "recruiter_lite", "recruiter"]
ACTIONS = ["invite", "inmail", "message", "follow", "post"]
PRESET_FILE = "scenarios/presets/platform/linkedin_2025.json"
DOC_FILE = "docs/platform.md"
LINKSIM = sys.argv[1] if len(sys.argv) > 1 else "build/linksim"
D2025 = "linkedin_2025 default"

def num(minimum=None, exclusive_min=None, maximum=None, integer=False, desc="", comment=None, exclusive_max=None):
    s = {"type": "integer" if integer else "number"}
    if minimum is not None: s["minimum"] = minimum
    if exclusive_min is not None: s["exclusiveMinimum"] = exclusive_min
    if maximum is not None: s["maximum"] = maximum
    if exclusive_max is not None: s["exclusiveMaximum"] = exclusive_max
    s["description"] = desc
    if comment: s["$comment"] = comment
    return s

def boolean(desc, comment=None):
    s = {"type": "boolean", "description": desc}
    if comment: s["$comment"] = comment
    return s

def enum(values, desc, comment=None):
    s = {"type": "string", "enum": values, "description": desc}
    if comment: s["$comment"] = comment
    return s

def actions(desc):
    return {"type": "array", "minItems": 1, "items": {"type": "string", "enum": ACTIONS}, "description": desc}

preset = json.load(open(PRESET_FILE))
rules_2025 = preset["platform"]["rules"]
src = preset["sources"]

def src_of(pointer):
    p = pointer
    while True:
        if p in src: return src[p]
        if not p: return None
        p = p[:p.rfind("/")]

def rule(name, desc, props):
    full = {"enabled": boolean("Whether the rule is on.")}
    for k, v in props.items():
        default = rules_2025[name].get(k)
        c = f"{D2025} {json.dumps(default)}; source: {src_of('/rules/' + name + '/' + k)}"
        v = dict(v)
        v["$comment"] = c
        full[k] = v
    full["enabled"]["$comment"] = f"{D2025} {json.dumps(rules_2025[name]['enabled'])}; source: {src_of('/rules/' + name + '/enabled')}"
    return {"type": "object", "additionalProperties": False, "description": desc, "properties": full}

def linksim_json(*args):
    out = subprocess.run([LINKSIM, "rules", "--json", *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out, object_pairs_hook=dict)

registry = linksim_json()["rules"]
for other in ["linkedin_2025", "linkedin_pre_2021"]:
    for r in linksim_json("--preset", other)["rules"]:
        have, want = set(r["defaults"]), set(r["schema"]) | {"enabled"}
        if have != want:
            sys.exit(f"write_schema.py: preset {other}, rule {r['name']}: defaults for {sorted(have)}, "
                     f"parameters {sorted(want)}")

RULES = {r["name"]: rule(r["name"], r["summary"], r["schema"]) for r in registry}

plan_desc = {
  "weekly_invite_cap": num(minimum=1, maximum=100000, integer=True, desc="Invitations per week (rolling or calendar, by rule)."),
  "note_chars": num(minimum=0, maximum=65535, integer=True, desc="Max characters in an invitation note."),
  "notes_per_month": num(minimum=-1, integer=True, desc="Personalized notes per month; -1 = unlimited."),
  "inmail_credits_per_month": num(minimum=0, integer=True, desc="InMail credits granted each billing month."),
  "inmail_accrual_cap": num(minimum=0, integer=True, desc="Unused credits roll over up to this balance (>= the monthly grant)."),
  "daily_message_cap": num(minimum=1, integer=True, desc="Messages to first-degree connections per day."),
  "message_chars": num(minimum=1, maximum=65535, integer=True, desc="Max characters in a message."),
  "price_usd_per_month": num(minimum=0, desc="List price, monthly billing (US dollars)."),
  "price_date": {"type": "string", "description": "When the list price was read (YYYY-MM)."},
  "search_filter_precision": num(exclusive_min=0, maximum=1, desc="Share of search results matching the target profile."),
  "teamlink": {"type": "boolean", "description": "Warm paths through teammates' connections."},
}
for k, v in plan_desc.items():
    vals = ", ".join(f"{p} {json.dumps(preset['platform']['plans'][p][k])}" for p in PLANS)
    v["$comment"] = f"{D2025}s: {vals}; sources in {PRESET_FILE}"

step = {"type": "object", "additionalProperties": False, "properties": {
  "hours": num(minimum=0, desc="How long the restriction lasts (0: blocks nothing)."),
  "blocks": {"type": "array", "items": {"type": "string", "enum": ACTIONS}, "description": "Actions the restriction blocks (email_required: the actions that need the recipient's email, [] or [\"invite\"])."}}}
susp = {"type": "object", "additionalProperties": False, "properties": {
  "blocks": {"type": "array", "minItems": 1, "items": {"type": "string", "enum": ACTIONS}, "description": "Actions the suspension blocks (for the rest of the run)."}}}
steps = {"type": "object", "additionalProperties": False, "description": "The ladder's steps, in order.", "properties": {}}
for n in ["warning", "restricted_hours", "restricted_days", "restricted_week", "email_required", "restricted_month", "feature_limits", "account_review"]:
    steps["properties"][n] = {"$ref": "#/$defs/platform_ladder_step", "$comment": f"{D2025} {json.dumps(preset['platform']['ladder']['steps'][n])}; source: {src_of('/ladder/steps/' + n)}"}
steps["properties"]["suspension"] = {"$ref": "#/$defs/platform_ladder_suspension", "$comment": f"source: {src_of('/ladder/steps/suspension')}"}
lad = preset["platform"]["ladder"]
ladder = {"type": "object", "additionalProperties": False,
  "description": "Escalation ladder: warning → restricted_hours → restricted_days → restricted_week → feature_limits → account_review → suspension. The third restriction depends on the strike: restricted_week (general), email_required (reports, with report_threshold.require_email), restricted_month (too many outstanding invitations, which go at least there). Every step lifts after its hours.",
  "properties": {
    "enabled": boolean("Whether strikes escalate.", f"{D2025} true; source: {src_of('/ladder/enabled')}"),
    "several_per_day": num(minimum=2, maximum=50, integer=True, desc="This many strikes within 24 hours go at least to restricted_days.", comment=f"{D2025} {lad['several_per_day']}; source: {src_of('/ladder/several_per_day')}"),
    "strike_memory_days": num(exclusive_min=0, desc="A strike this long after the previous one starts the ladder over.", comment=f"{D2025} {lad['strike_memory_days']}; source: {src_of('/ladder/strike_memory_days')}"),
    "steps": {"$ref": "#/$defs/platform_ladder_steps"}}}

limiter = {"type": "object", "additionalProperties": False, "required": ["algorithm"],
  "description": "A classic limiter on some actions, per sender. Window algorithms take limit and window_hours; bucket algorithms take rate, per_hours and burst.",
  "properties": {
    "algorithm": enum(["fixed_window", "sliding_log", "sliding_counter", "token_bucket", "gcra", "leaky_bucket"], "Limiter algorithm (reference vectors in tests/data/vectors)."),
    "actions": actions("Actions limited."),
    "limit": num(minimum=1, integer=True, desc="fixed_window / sliding_log / sliding_counter: actions per window."),
    "window_hours": num(exclusive_min=0, desc="fixed_window / sliding_log / sliding_counter: window in hours."),
    "rate": num(exclusive_min=0, desc="token_bucket / gcra / leaky_bucket: actions per per_hours."),
    "per_hours": num(exclusive_min=0, desc="token_bucket / gcra / leaky_bucket: the rate's period in hours."),
    "burst": num(minimum=0, integer=True, desc="token_bucket: bucket size (>= 1); gcra: extra burst; leaky_bucket: nginx burst.")}}

platform = {"type": "object", "default": {}, "additionalProperties": False,
  "description": "The platform's limits, rules and escalation ladder: a preset with overrides merged over it (JSON Merge Patch). `linksim explain` prints every effective value with its source.",
  "properties": {
    "preset": {"type": "string", "enum": ["linkedin_2025", "linkedin_pre_2021"], "default": "linkedin_2025", "description": "Starting values for plans, rules and ladder (scenarios/presets/platform/).", "$comment": "source: linkedin_2025 = LinkedIn's limits as documented in 2025 (help a550555, a551012; practitioners); linkedin_pre_2021 = about 800 invitations a week before the 2021 change (practitioner guide)"},
    "plans": {"type": "object", "additionalProperties": False, "description": "Overrides per plan.", "properties": {p: {"$ref": "#/$defs/platform_plan"} for p in PLANS}},
    "rules": {"type": "object", "additionalProperties": False, "description": "Overrides per rule, keyed by rule name; {\"enabled\": false} turns one off.", "properties": {n: {"$ref": f"#/$defs/platform_rule_{n}"} for n in RULES}},
    "limiters": {"type": "array", "items": {"$ref": "#/$defs/platform_limiter"}, "description": "Classic limiter algorithms used as extra rules.", "$comment": "linkedin_2025 default: none"},
    "ladder": {"$ref": "#/$defs/platform_ladder"}}}

defs = {"platform": platform,
        "platform_plan": {"type": "object", "additionalProperties": False, "description": "One plan's limits and features.", "properties": plan_desc}}
for n, r in RULES.items(): defs[f"platform_rule_{n}"] = r
defs["platform_limiter"] = limiter
defs["platform_ladder"] = ladder
defs["platform_ladder_steps"] = steps
defs["platform_ladder_step"] = step
defs["platform_ladder_suspension"] = susp

def one(v):
    s = json.dumps(v, ensure_ascii=False)
    return re.sub(r"^\{(.*)\}$", r"{ \1 }", s) if isinstance(v, dict) and v else s

def block(name, d):
    lines = [f'    "{name}": {{']
    items = list(d.items())
    for i, (k, v) in enumerate(items):
        end = "," if i + 1 < len(items) else ""
        if k == "properties":
            lines.append('      "properties": {')
            props = list(v.items())
            for j, (pk, pv) in enumerate(props):
                lines.append(f'        "{pk}": {one(pv)}' + ("," if j + 1 < len(props) else ""))
            lines.append("      }" + end)
        else:
            lines.append(f'      "{k}": {one(v)}{end}')
    lines.append("    }")
    return "\n".join(lines)

full = open("scenarios/schema.json").read()
doc = json.loads(full)
mine = [k for k in doc["$defs"] if k == "platform" or k.startswith("platform_")]
cut = full.index('\n  "$defs": {')
head, text = full[:cut], full[cut:]  # only blocks inside $defs are touched
# Cut every existing platform block (a multi-line block at 4-space indent up to its closing "    }").
for k in mine:
    m = re.search(r'\n    "' + re.escape(k) + r'": \{\n.*?\n    \}(,?)', text, re.S)
    text = text[:m.start()] + ("" if k != "platform" else "\n@@PLATFORM@@" + m.group(1)) + text[m.end():]
new = ",\n".join(block(k, v) for k, v in defs.items())
text = head + text.replace("@@PLATFORM@@", new)
json.loads(text)  # still valid JSON
open("scenarios/schema.json", "w").write(text)
print("wrote", len(defs), "platform $defs")

# The rules table of docs/platform.md: a row per rule in the order of checks.
BEGIN = "<!-- rules table: generated by tools/platform/write_schema.py from the rule registry and the linkedin_2025 preset; do not edit -->"
END = "<!-- end of the generated rules table -->"

def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")

def default_text(r):
    d = rules_2025[r["name"]]
    parts = [f"{k} {json.dumps(v, ensure_ascii=False)}" for k, v in d.items() if k != "enabled"]
    return ("on" if d["enabled"] else "off") + ("; " + ", ".join(parts) if parts else "; the plan's limits")

def rule_source(name):
    return src.get(f"/rules/{name}") or src.get(f"/rules/{name}/enabled") or "no source recorded"

rows = ["| rule | what it does | linkedin_2025 default | source |", "|---|---|---|---|"]
for r in registry:
    rows.append(f"| `{r['name']}` | {cell(r['summary'])} | {cell(default_text(r))} | {cell(rule_source(r['name']))} |")
doc = open(DOC_FILE).read()
if BEGIN not in doc or END not in doc:
    sys.exit(f"write_schema.py: {DOC_FILE} lacks the generated-table markers")
b, e = doc.index(BEGIN) + len(BEGIN), doc.index(END)
open(DOC_FILE, "w").write(doc[:b] + "\n" + "\n".join(rows) + "\n" + doc[e:])
print("wrote", len(registry), "rows of the rules table in", DOC_FILE)
