"""Push payload bytes and visible lines; e-mail subject; status page.

Figures: Apple "Generating a remote notification" and Firebase "About FCM messages"
(4,096 bytes), RFC 5322 §2.1.1 (998 / 78 characters a line), push vendors' guides and
subject-length studies for what a phone shows (estimates, configurable).
"""

from __future__ import annotations

import json

from crisiscomms.channels import (
    apns_payload,
    check_length,
    compact_json,
    display_width,
    load_limits,
    payload_bytes,
)


def test_payload_bytes_are_compact_utf8_json() -> None:
    payload = {"aps": {"alert": {"title": "停", "body": "a\nb"}}}
    expected = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    assert compact_json(payload) == expected
    # A Chinese character is 3 bytes, an emoji 4, a newline is the two bytes of "\n".
    assert payload_bytes("停") - payload_bytes("") == 3
    assert payload_bytes("🚨") - payload_bytes("") == 4
    assert payload_bytes("\n") - payload_bytes("") == 2


def test_apns_4096_bytes_is_fine_4097_is_refused() -> None:
    # Apple: "the maximum size allowed for a notification payload is 4096 bytes".
    overhead = payload_bytes(apns_payload("", ""))
    fits = "a" * (4096 - overhead)
    assert payload_bytes(apns_payload("", fits)) == 4096
    report = check_length("push", {"body": fits})
    assert not [f for f in report.findings if f.severity == "error"]
    report = check_length("push", {"body": fits + "a"})
    refused = [f for f in report.findings if f.severity == "error"]
    assert any("APNS" in f.messages["en"] and "4097" in f.messages["en"] for f in refused)
    assert report.figures["apns_payload"] == {"bytes": 4097, "limit": 4096}


def test_payload_overflow_points_into_the_body() -> None:
    overhead = payload_bytes(apns_payload("", ""))
    body = "恢" * ((4096 - overhead) // 3 + 5)
    (apns,) = [f for f in check_length("push", {"body": body}).findings if "APNS" in f.message]
    assert apns.start == (4096 - overhead) // 3


def test_ready_payloads_are_counted_as_given() -> None:
    ready = {"aps": {"alert": "x"}, "incident": "INC-1"}
    report = check_length("push", {"apns": ready, "fcm": {"notification": {"body": "x"}}})
    assert report.figures["apns_payload"]["bytes"] == payload_bytes(ready)


def test_custom_data_counts_in_both_payloads() -> None:
    plain = check_length("push", {"title": "t", "body": "b"}).figures
    with_data = check_length("push", {"title": "t", "body": "b", "data": {"url": "x" * 100}})
    assert with_data.figures["apns_payload"]["bytes"] > plain["apns_payload"]["bytes"] + 100
    assert with_data.figures["fcm_payload"]["bytes"] > plain["fcm_payload"]["bytes"] + 100


def test_display_width_counts_cjk_and_emoji_as_two() -> None:
    assert display_width("Outage") == 6
    assert display_width("支付中断") == 8
    assert display_width("👨\u200d👩\u200d👧") == 2
    assert display_width("e\u0301") == 1


def test_title_of_one_line_on_both_platforms_gives_one_warning() -> None:
    report = check_length("push", {"title": "支付服务中断" * 4, "body": "预计22:00前恢复"})
    (finding,) = report.findings  # 48 columns: 2 lines where iOS and Android show 1
    assert (finding.rule, finding.severity) == ("over-length", "warning")
    assert "iOS/Android" in finding.messages["en"]
    assert finding.start == 20  # the 21st character is past 40 columns


def test_body_of_three_lines_is_cut_on_collapsed_android_only() -> None:
    body = "支付服务中断，我们正在排查原因，预计今晚22:00前恢复，届时将另行通知并说明补偿方案。"
    report = check_length("push", {"title": "支付中断", "body": body})
    (finding,) = report.findings
    assert "Android" in finding.messages["en"] and "iOS" not in finding.messages["en"]
    assert report.figures["body"]["lines"] == 3


def test_visible_budgets_are_configurable() -> None:
    limits = load_limits({"push": {"line_width": 30, "ios_body_lines": 2}})
    body = "恢" * 40  # 80 columns: 3 lines of 30
    report = check_length("push", {"body": body}, limits=limits)
    assert len(report.findings) == 2  # iOS (2 lines) and Android (1 line) budgets differ


def test_email_subject() -> None:
    assert not check_length("email", "支付服务中断：进展通报").findings
    report = check_length(
        "email", {"subject": "【进展】支付服务中断，预计今晚22:00前恢复，补偿方案见正文"}
    )
    (finding,) = report.findings  # 57 display columns > 40 a phone shows
    assert finding.severity == "warning" and "columns" in finding.messages["en"]
    assert report.figures["subject"]["display_width"] == 57


def test_email_subject_line_limits() -> None:
    (rfc, phone) = check_length("email", "a" * 70).findings  # "Subject: " + 70 = 79 > 78
    assert (rfc.severity, rfc.start) == ("warning", 69)
    assert "78" in rfc.messages["en"]
    assert phone.start == 40
    hard = check_length("email", "a" * 990).findings  # 999 > 998
    assert [f.severity for f in hard] == ["error", "warning"]
    assert hard[0].start == 989


def test_email_subject_with_a_line_break_is_refused() -> None:
    findings = check_length("email", "Outage\r\nBcc: someone").findings
    assert findings[0].rule == "channel-format" and findings[0].severity == "error"


def test_status_page_has_no_limit_by_default() -> None:
    report = check_length("statuspage", {"incident": {"name": "Payments", "body": "x" * 50_000}})
    assert not report.findings
    assert report.figures["body"]["chars"] == 50_000
    limits = load_limits({"statuspage": {"max_chars": 100}})
    (finding,) = check_length("statuspage", "x" * 101, limits=limits).findings
    assert finding.start == 100


def test_a_limit_of_one_line_is_one_line_in_english() -> None:
    # "over the limit of 1 lines" (trial on Alipay's outage, push title).
    title = "Service update for the Example app and everything around it, still going on"
    found = check_length("push", {"title": title, "body": "x"}, lang="en").findings
    lines = [f.messages["en"] for f in found if "line" in f.messages["en"]]
    assert lines and all("limit of 1 line " in m for m in lines), lines
    assert all("1 lines" not in m for m in lines)


def test_an_english_push_body_does_not_say_its_title_again() -> None:
    # Trial E (Alipay): title "The Alipay app: degraded service", body "The Alipay app:
    # degraded service since Nov 11, 10:00 UTC+8. ..." on a phone that shows both.
    from support import ROOT

    from crisiscomms.drafting import draft
    from crisiscomms.factfiles import read_facts

    incident = read_facts(str(ROOT / "examples" / "login-outage.yaml"))
    made = draft(incident, "first_statement", "en", channel="push")
    title, body = made.parts["title"], made.parts["body"]
    assert not body.startswith(title), (title, body)
    assert body.startswith("The degraded service began on Mar 29 at 15:05 UTC+8."), body
    # The compact title leaves the service out: then the body names it.
    assert made.length is not None
    if made.length["form"]["used"] == "compact":
        assert "Qingniao Chat" in body
