#!/usr/bin/env python3
"""Regenerates the platform part of scenarios/schema.json ($defs/platform and $defs/platform_*).

Only those blocks are rewritten, in the file's one-property-per-line style, so the rest of the
schema (owned by other modules) is untouched. Run from the repository root after changing a rule's
parameters: python3 tools/platform/write_schema.py

RULES below must name exactly the rules of both presets (checked here, before anything is written),
which tests/platform/rule_registry_test.cpp checks against the registry in sim/platform/rule_factory.cpp.
"""
import json, re, sys

PLANS = ["free", "premium_career", "premium_business", "sales_nav_core", "sales_nav_advanced", "recruiter_lite", "recruiter"]
ACTIONS = ["invite", "inmail", "message", "follow", "post"]
PRESET_FILE = "scenarios/presets/platform/linkedin_2025.json"
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

# Strikes for refused attempts at a cap (include/linksim/platform/rules/limit_hits.hpp).
LIMIT_HITS = {
  "strike_after_denials": num(minimum=0, maximum=100000, integer=True, desc="This many attempts refused by the cap within denials_window_days are a strike (0 = never): frequently exceeding a limit draws warnings and restrictions."),
  "denials_window_days": num(exclusive_min=0, desc="The refusals counted are those within this many days of the first (at least 1 hour)."),
}

RULES = {
  "connection_cap": rule("connection_cap", "At most this many first-degree connections; beyond it invitations are refused (follow only).",
      {"max_connections": num(minimum=1, integer=True, desc="First-degree connection cap.")}),
  "pending_cap": rule("pending_cap", "No new invitation while this many are pending.",
      {"max_pending": num(minimum=1, integer=True, desc="Pending invitations that block new ones."),
       "strike": boolean("Reaching the cap is also a strike for too many outstanding invitations (ladder: at least restricted_month).")}),
  "report_threshold": rule("report_threshold", "Spam / 'I don't know this person' reports: this many within the window are a strike.",
      {"reports": num(minimum=1, integer=True, desc="Reports that make a strike."),
       "window_days": num(exclusive_min=0, desc="Reports older than this no longer count (days)."),
       "require_email": boolean("A report strike's third restriction is the ladder's email_required step (invitations need the recipient's email for its hours) instead of restricted_week.")}),
  "invite_cap_rolling": rule("invite_cap_rolling", "Weekly invitation cap (the plan's weekly_invite_cap) over a rolling window.",
      {"window_days": num(exclusive_min=0, desc="Window length in days (at least 1 hour)."),
       "count_pending": boolean("Pending invitations count toward the cap until accepted, declined or withdrawn."),
       **LIMIT_HITS}),
  "invite_cap_calendar": rule("invite_cap_calendar", "Weekly invitation cap per calendar week (Monday to Monday).",
      {"count_pending": boolean("Pending invitations from earlier weeks count toward the cap."),
       **LIMIT_HITS}),
  "notes": rule("notes", "Invitation notes: the plan's note_chars and notes_per_month.", {}),
  "reinvite_cooldown": rule("reinvite_cooldown", "After a withdrawal, the same person cannot be invited again for the cooldown.",
      {"cooldown_days": num(exclusive_min=0, desc="Cooldown in days.")}),
  "member_invite_budget": rule("member_invite_budget", "Candidate defense (not a documented LinkedIn rule), keyed by the recipient: each member may receive at most `budget` invitations from strangers (senders with no mutual connection) within any rolling `window_days`, whoever sends them; an invitation beyond it is refused (the member is not accepting invitations now) and not delivered. After Rejecto (ICDCS 2015) and SynchroTrap (CCS 2014). A replication with it on runs its senders in one event loop (the budget sees every sender).",
      {"budget": num(minimum=1, maximum=10000, integer=True, desc="Invitations from strangers a member may receive within the window."),
       "window_days": num(exclusive_min=0, desc="Rolling window in days (at least 1 hour)."),
       "strike_after_denials": num(minimum=0, maximum=100000, integer=True, desc="This many of a sender's invitations refused by members' budgets within denials_window_days are a strike (0 = never)."),
       "denials_window_days": num(exclusive_min=0, desc="The refusals counted are those within this many days of the first (at least 1 hour).")}),
  "burst": rule("burst", "Burst detection: `count` actions within `window_minutes`.",
      {"count": num(minimum=2, maximum=10000, integer=True, desc="Actions that make a burst."),
       "window_minutes": num(exclusive_min=0, desc="Window in minutes."),
       "effect": enum(["strike", "deny"], "strike: the action passes with a strike; deny: the count-th action in the window is refused."),
       "actions": actions("Actions counted.")}),
  "scrutiny": rule("scrutiny", "Out-of-region / out-of-industry scrutiny: weighted share of the last K invitations.",
      {"last_k": num(minimum=1, maximum=100000, integer=True, desc="Invitations considered."),
       "region_weight": num(minimum=0, maximum=1, desc="Weight of an out-of-region invitation."),
       "industry_weight": num(minimum=0, maximum=1, desc="Weight of an out-of-industry invitation."),
       "threshold": num(exclusive_min=0, maximum=1, desc="Weighted share that makes a strike.")}),
  "acceptance_floor": rule("acceptance_floor", "Acceptance-rate floor over the last K responses or a window of days.",
      {"floor": num(exclusive_min=0, maximum=1, desc="Minimum acceptance rate (share)."),
       "basis": enum(["last_k", "window"], "Sample: the last K responses, or the responses of the last window_days days."),
       "last_k": num(minimum=1, maximum=100000, integer=True, desc="K for basis last_k."),
       "window_days": num(minimum=1, maximum=3650, integer=True, desc="Days for basis window."),
       "min_responses": num(minimum=1, integer=True, desc="No judgement on fewer responses."),
       "effect": enum(["lower_cap", "strike", "both"], "Below the floor: lower the personal weekly cap, add a strike, or both."),
       "lowered_cap_percent": num(minimum=1, maximum=100, integer=True, desc="Personal cap below the floor, % of the plan's."),
       "strike_every_days": num(minimum=0, desc="At most one strike per this many days.")}),
  "abuse_score": rule("abuse_score", "Candidate defense (not a documented LinkedIn rule): a per-sender naive-Bayes abuse score in log-odds, updated from each invitation's outcome (accepted; ignored or declined; reported) and from whether the recipient shares a mutual connection, after SybilEdge (WWW 2020) and Rejecto (ICDCS 2015); at the threshold a strike, and the score starts over at the prior.",
      {"prior": num(exclusive_min=0, exclusive_max=1, desc="Base rate of abusive accounts: the score's starting probability."),
       "p_accept_abusive": num(exclusive_min=0, exclusive_max=1, desc="Accepted share of an abusive sender's invitations."),
       "p_accept_legit": num(exclusive_min=0, exclusive_max=1, desc="Accepted share of a legitimate sender's invitations."),
       "p_report_abusive": num(exclusive_min=0, exclusive_max=1, desc="Reported share of an abusive sender's invitations."),
       "p_report_legit": num(exclusive_min=0, exclusive_max=1, desc="Reported share of a legitimate sender's invitations."),
       "p_zero_mutual_abusive": num(exclusive_min=0, exclusive_max=1, desc="Share of an abusive sender's invitations to members with no mutual connection."),
       "p_zero_mutual_legit": num(exclusive_min=0, exclusive_max=1, desc="Share of a legitimate sender's invitations to members with no mutual connection."),
       "threshold": num(exclusive_min=0, exclusive_max=1, desc="Posterior probability of abuse that makes a strike (above the prior)."),
       "min_evidence": num(minimum=0, maximum=1000000, integer=True, desc="No strike on fewer outcomes since the last strike.")}),
  "message_daily_cap": rule("message_daily_cap", "Messages to first-degree connections: the plan's daily_message_cap per calendar day and message_chars.", {}),
  "inmail_credits": rule("inmail_credits", "InMail credits: monthly grant and accrual cap per plan, expiry, refunds, one per person until a reply.",
      {"expiry_days": num(minimum=1, maximum=3650, desc="A month's grant expires after this many days."),
       "refund_window_days": num(minimum=0, desc="A reply within this many days gives the credit back."),
       "one_per_person": boolean("One InMail per member until they respond.")}),
  "recruiter_inmail_floor": rule("recruiter_inmail_floor", "Recruiter InMail response-rate floor: warning, grace, then a bulk InMail ban.",
      {"plans": {"type": "array", "items": {"type": "string", "enum": PLANS}, "description": "Plans the floor applies to."},
       "min_response_rate": num(exclusive_min=0, maximum=1, desc="Minimum response rate (share)."),
       "min_inmails": num(minimum=1, integer=True, desc="Only judged on at least this many InMails in the window."),
       "window_days": num(minimum=1, maximum=365, integer=True, desc="Window in days."),
       "grace_days": num(minimum=0, desc="Days to improve after the warning."),
       "ban_days": num(exclusive_min=0, desc="Length of the ban in days.")}),
  "inmail_violations": rule("inmail_violations", "InMail flagged as spam: send bans of growing length.",
      {"ban_hours": {"type": "array", "minItems": 1, "items": {"type": "number", "exclusiveMinimum": 0}, "description": "Ban per violation in hours; the last repeats."}}),
}

for other in ["linkedin_2025", "linkedin_pre_2021"]:
    other_rules = json.load(open(f"scenarios/presets/platform/{other}.json"))["platform"]["rules"]
    if set(other_rules) != set(RULES):
        sys.exit(f"write_schema.py: RULES and the rules of preset {other} differ: "
                 f"no schema here for {sorted(set(other_rules) - set(RULES))}, "
                 f"no defaults in the preset for {sorted(set(RULES) - set(other_rules))}")

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
