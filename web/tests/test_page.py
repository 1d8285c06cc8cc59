import io
import json
import pathlib
import time
import urllib.parse

import pytest
import yaml
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import OUT, open_page, page_url, set_viewport, settle

ROOT = pathlib.Path(__file__).resolve().parents[2]


def scenario(name):
    return (ROOT / "scenarios" / name).read_text(encoding="utf-8")


def frag(text, lang="en"):
    return "#yaml=" + urllib.parse.quote(text, safe="") + "&lang=" + lang


def verdict(d):
    return d.find_element(By.ID, "verdict").get_attribute("data-verdict")


def rows(d):
    return {e.get_attribute("data-rule"): e.get_attribute("data-outcome")
            for e in d.find_elements(By.CSS_SELECTOR, "#trace [data-rule]")}


def wait_verdict(d, want, timeout=5):
    WebDriverWait(d, timeout).until(lambda x: verdict(x) == want)


@pytest.mark.parametrize("file,want", [
    ("untac-1992.yaml", "eligible"),
    ("hypo-p1-no-ceasefire-1995.yaml", "not_eligible"),
    ("hypo-undetermined-ceasefire-unknown-2005.yaml", "undetermined"),
    ("unmiss-2016-kaketsuke-keigo.yaml", "eligible"),
])
def test_url_hook_loads_scenario(driver, file, want):
    open_page(driver, frag(scenario(file)))
    assert verdict(driver) == want
    assert driver.find_element(By.ID, "error").get_attribute("hidden") is not None
    assert want == yaml.safe_load(scenario(file)).get("expect", want)


def test_wasm_instantiated_synchronously_from_file_url(driver):
    driver.get("about:blank")
    driver.get_log("performance")  # drop what came before
    open_page(driver)
    assert driver.current_url.startswith("file://")
    assert driver.execute_script("return peacecoopWasmSync") is True
    assert driver.execute_script("return peacecoop.engine") == "wasm"
    assert driver.execute_script("return peacecoop.version()") == driver.execute_script("return wasm_bindgen.version()")
    assert "WebAssembly" in driver.find_element(By.ID, "engine-info").text
    # nothing was requested from outside web/dist/
    dist = page_url("").rsplit("/", 1)[0] + "/"
    urls = [m["params"]["request"]["url"] for m in (json.loads(e["message"])["message"] for e in driver.get_log("performance"))
            if m["method"] == "Network.requestWillBeSent"]
    assert any(u.endswith("/engine-wasm.js") for u in urls), urls
    assert all(u.startswith(dist) or u == "about:blank" for u in urls), urls


def test_large_type(driver):
    open_page(driver)
    size = lambda: driver.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
    before = size()
    driver.find_element(By.ID, "large").click()
    assert size() > before * 1.2
    driver.find_element(By.ID, "large").click()
    assert size() == before


def test_trace_rows_carry_rule_and_outcome(driver):
    open_page(driver, frag(scenario("hypo-p1-no-ceasefire-1995.yaml")))
    r = rows(driver)
    assert r["ceasefire-agreement"] == "fail"
    assert r["host-consent"] == "pass"
    assert r["icops-basis"] == "not_in_force"
    assert set(r.values()) <= {"pass", "fail", "undetermined", "not_applicable", "not_in_force"}
    # every rule of the ruleset, exactly once
    ids = driver.execute_script("return peacecoop.evaluate(document.getElementById('yaml').value).trace.map(function (e) { return e.rule; })")
    hooks = [e.get_attribute("data-rule") for e in driver.find_elements(By.CSS_SELECTOR, "#trace [data-rule][data-outcome]")]
    assert len(ids) >= 25 and sorted(hooks) == sorted(ids)
    # grouped by principle
    groups = [g.get_attribute("data-group") for g in driver.find_elements(By.CSS_SELECTOR, "#trace [data-group]")]
    assert groups.index("p1") < groups.index("p2") < groups.index("p5")
    fail_row = driver.find_element(By.CSS_SELECTOR, '#trace [data-rule="ceasefire-agreement"]')
    assert fail_row.find_element(By.XPATH, "ancestor::*[@data-group]").get_attribute("data-group") == "p1"
    assert "ceasefire" in fail_row.text.lower()


def test_typing_into_the_editor(driver):
    open_page(driver)
    driver.find_element(By.ID, "tab-yaml").click()
    ed = driver.find_element(By.ID, "yaml")
    ed.send_keys(Keys.CONTROL, "a")
    ed.send_keys(Keys.DELETE)
    text = scenario("untac-1992.yaml").replace("ceasefire: agreed", "ceasefire: collapsed")
    # type it (the textarea takes the keys as a student would)
    ed.send_keys(text)
    wait_verdict(driver, "not_eligible")
    assert rows(driver)["ceasefire-agreement"] == "fail"
    # one more edit, by keyboard: back to agreed
    driver.execute_script(
        "var t = document.getElementById('yaml'); var i = t.value.indexOf('collapsed');"
        "t.focus(); t.setSelectionRange(i, i + 'collapsed'.length);")
    ed.send_keys("agreed")
    wait_verdict(driver, "eligible")
    # the form followed the editor
    assert driver.find_element(By.ID, "f-conflict-ceasefire").get_attribute("value") == "agreed"


def test_form_edits_update_yaml_and_verdict(driver):
    open_page(driver, frag(scenario("untac-1992.yaml")))
    driver.find_element(By.ID, "tab-form").click()
    Select(driver.find_element(By.ID, "f-consent-parties")).select_by_value("withdrawn")
    wait_verdict(driver, "not_eligible")
    assert "parties: withdrawn" in driver.find_element(By.ID, "yaml").get_attribute("value")
    assert rows(driver)["parties-consent"] == "fail"
    Select(driver.find_element(By.ID, "f-consent-parties")).select_by_value("given")
    wait_verdict(driver, "eligible")


def test_japanese_switch(driver):
    open_page(driver, frag(scenario("hypo-p1-no-ceasefire-1995.yaml")))
    driver.find_element(By.ID, "lang-ja").click()
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja")
    assert verdict(driver) == "not_eligible"
    text = driver.find_element(By.ID, "verdict").text
    assert "参加不可" in text and "停戦" in text
    assert "どうすれば参加可能になるか" in driver.find_element(By.ID, "whatif-box").text
    assert driver.find_element(By.ID, "share").text == "共有リンク"
    # the URL hook opens in Japanese too
    open_page(driver, frag(scenario("untac-1992.yaml"), "ja"))
    assert "参加可能" in driver.find_element(By.ID, "verdict").text
    driver.find_element(By.ID, "lang-en").click()
    WebDriverWait(driver, 5).until(lambda d: "ELIGIBLE" in d.find_element(By.ID, "verdict").text)


def test_error_shown_like_the_cli(driver):
    bad = "name: x\ndate: 2005-01-01\noperation: un_peacekeping\n"
    open_page(driver, frag(bad))
    err = driver.find_element(By.ID, "error")
    assert err.is_displayed()
    msg = err.find_element(By.TAG_NAME, "pre").text
    assert msg.startswith("error: ")
    assert ":3:12: invalid value for `operation`: found `un_peacekeping`" in msg
    assert "3 | operation: un_peacekeping" in msg
    assert "help: did you mean `un_peacekeeping`?" in msg
    assert driver.find_element(By.ID, "verdict").get_attribute("data-verdict") is None
    # fixing it clears the error
    driver.find_element(By.ID, "tab-yaml").click()
    driver.execute_script(
        "var t = document.getElementById('yaml'); var i = t.value.indexOf('peacekeping');"
        "t.focus(); t.setSelectionRange(i, i + 'peacekeping'.length);")
    driver.find_element(By.ID, "yaml").send_keys("peacekeeping")
    WebDriverWait(driver, 5).until(lambda d: "un_peacekeeping`" not in d.find_element(By.ID, "error").text or not d.find_element(By.ID, "error").is_displayed())


def test_error_in_japanese(driver):
    bad = "name: x\ndate: 2005-01-01\noperation: un_peacekeping\n"
    open_page(driver, frag(bad, "ja"))
    err = driver.find_element(By.ID, "error")
    assert err.is_displayed()
    msg = err.find_element(By.TAG_NAME, "pre").text
    assert msg.startswith("エラー: "), msg
    assert ":3:12:" in msg and "un_peacekeping" in msg
    assert "invalid value" not in msg and "did you mean" not in msg, msg


def test_share_link_round_trip(driver):
    open_page(driver, frag(scenario("hypo-p1-no-ceasefire-1995.yaml")))
    Select(driver.find_element(By.ID, "f-conflict-ceasefire")).select_by_value("agreed")
    wait_verdict(driver, "eligible")
    driver.find_element(By.ID, "lang-ja").click()
    text = driver.find_element(By.ID, "yaml").get_attribute("value")
    driver.find_element(By.ID, "share").click()
    link = driver.find_element(By.ID, "share-link").get_attribute("value")
    assert link.startswith(page_url("#yaml="))
    assert link.endswith("&lang=ja")
    driver.get("about:blank")
    driver.get(link)
    settle(driver)
    assert verdict(driver) == "eligible"
    assert driver.find_element(By.ID, "yaml").get_attribute("value") == text
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"


def test_whatif_matrix_readings_panels(driver):
    open_page(driver, frag(scenario("hypo-p1-no-ceasefire-1995.yaml")))
    assert driver.find_element(By.ID, "keep").is_selected()
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#whatif ol.alternatives > li"))
    facts = lambda d: [c.text for c in d.find_elements(By.CSS_SELECTOR, "#whatif ul.changes code")]
    # kept by default: no alternative changes the operation, what it supports, or the date
    assert facts(driver) and not {"operation", "supports", "date"} & set(facts(driver)), facts(driver)
    driver.find_element(By.ID, "keep").click()
    WebDriverWait(driver, 5).until(lambda d: "operation" in facts(d))
    # the matrix: the default pair, the scenario's own cell marked
    driver.find_element(By.CSS_SELECTOR, "#matrix-box > summary").click()
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#matrix td[data-verdict]"))
    cur = driver.find_element(By.CSS_SELECTOR, "#matrix td.current")
    assert cur.get_attribute("data-verdict") == "not_eligible"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#matrix td[data-verdict]")) == 12
    driver.find_element(By.CSS_SELECTOR, "#readings-box > summary").click()
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "readings").text.strip())
    # "Try this" applies the first alternative
    driver.find_element(By.CSS_SELECTOR, "#whatif button.apply").click()
    wait_verdict(driver, "eligible")


def test_keyboard_only(driver):
    open_page(driver, frag(scenario("untac-1992.yaml")))
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    first = driver.switch_to.active_element
    assert first.get_attribute("class") == "skip"
    # reach the ceasefire select by keyboard and change it with arrow keys
    sel = driver.find_element(By.ID, "f-conflict-ceasefire")
    for _ in range(80):
        if driver.switch_to.active_element == sel:
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.switch_to.active_element == sel
    sel.send_keys(Keys.ARROW_DOWN)  # agreed -> none
    wait_verdict(driver, "not_eligible")


def pdf_pages(d):
    import base64
    data = base64.b64decode(d.print_page(_print_options()))
    return data, PdfReader(io.BytesIO(data))


def _print_options():
    from selenium.webdriver.common.print_page_options import PrintOptions
    o = PrintOptions()
    o.page_width = 21.0
    o.page_height = 29.7
    o.background = True
    return o


@pytest.mark.parametrize("file,lang", [("untac-1992.yaml", "en"), ("unmiss-2016-kaketsuke-keigo.yaml", "en"),
                                       ("hypo-p1-no-ceasefire-1995.yaml", "ja")])
def test_print_one_page_then_trace(driver, file, lang):
    open_page(driver, frag(scenario(file), lang))
    data, pdf = pdf_pages(driver)
    (OUT / f"print-{file.replace('.yaml', '')}-{lang}.pdf").write_bytes(data)
    n = len(pdf.pages)
    first = pdf.pages[0].extract_text()
    second = pdf.pages[1].extract_text() if n > 1 else ""
    name = yaml.safe_load(scenario(file))["name"]
    name = name if isinstance(name, str) else name["en"]
    flat = lambda t: " ".join(t.split())
    # page 1: the scenario's name (pypdf cannot extract the Japanese), its verdict and the
    # history timeline (the law versions' first days)
    if lang == "en":
        assert flat(name)[:20] in flat(first)
    assert "2016-03-29" in first and "1992-08-10" in first
    # the trace starts on page 2: a rule that only the trace lists (it passes everywhere here)
    assert "act-in-force" not in first
    assert "act-in-force" in second, "the trace must start on page 2 (did page 1 overflow?)"
    if lang == "en":
        assert "History across law versions" in first and "Appendix" in second
    assert 2 <= n <= 5, n


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_screenshots(driver, phone, lang):
    for d, tag, w, h in ((driver, "desktop", 1280, 900), (phone, "phone360", 360, 780)):
        set_viewport(d, w, h)
        open_page(d, frag(scenario("hypo-p1-no-ceasefire-1995.yaml"), lang))
        assert d.execute_script("return window.innerWidth") == w
        d.save_screenshot(str(OUT / f"{tag}-{lang}.png"))
        # nothing wider than the screen
        sw = d.execute_script("return document.documentElement.scrollWidth")
        assert sw <= w, f"the page scrolls sideways at {w} px: {sw}"
        # the result, then the whole page, for review
        top = d.execute_script("return document.getElementById('result').getBoundingClientRect().top + window.scrollY")
        full = d.execute_script("return document.documentElement.scrollHeight")
        set_viewport(d, w, min(full, 8000))
        d.save_screenshot(str(OUT / f"{tag}-{lang}-full.png"))
        set_viewport(d, w, h)
        d.execute_script("window.scrollTo(0, arguments[0])", top)
        d.save_screenshot(str(OUT / f"{tag}-{lang}-result.png"))
    set_viewport(driver, 1280, 900)
    open_page(driver, frag("name: x\ndate: 2005-01-01\noperation: un_peacekeping\n", lang))
    driver.find_element(By.ID, "tab-yaml").click()
    driver.save_screenshot(str(OUT / f"error-{lang}.png"))


def test_scenario_picker_and_blank(driver):
    open_page(driver)
    assert verdict(driver) == "eligible"  # UNTAC by default
    Select(driver.find_element(By.ID, "scenario")).select_by_value("scenarios/minusma-2013.yaml")
    wait_verdict(driver, "not_eligible")
    assert "MINUSMA" in driver.find_element(By.ID, "f-name").get_attribute("value")
    Select(driver.find_element(By.ID, "scenario")).select_by_value("")
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "yaml").get_attribute("value").startswith("name: "))
    # every fact unknown: the real engine says undetermined; the mock says it cannot tell
    WebDriverWait(driver, 5).until(lambda d: verdict(d) == "undetermined" or d.find_element(By.ID, "error").is_displayed())


def test_statute_words_on_demand(driver):
    open_page(driver, frag(scenario("hypo-p1-no-ceasefire-1995.yaml"), "ja"))
    row = driver.find_element(By.CSS_SELECTOR, '#trace li[data-rule="ceasefire-agreement"]')
    driver.execute_script("arguments[0].scrollIntoView()", row)
    row.find_element(By.CSS_SELECTOR, "details.statute > summary").click()
    WebDriverWait(driver, 5).until(lambda d: row.find_elements(By.CSS_SELECTOR, "details.statute blockquote"))
    words = row.find_element(By.CSS_SELECTOR, "details.statute").text
    assert "国際平和協力法第3条第1号" in words and "武力紛争の停止" in words, words


def test_javascript_api(driver):
    open_page(driver)
    y = scenario("untac-1992.yaml")
    r = driver.execute_script("return peacecoop.evaluate(arguments[0], {lang: 'ja', date: '1985-01-01'})", y)
    assert r["verdict"] == "not_eligible" and r["date"] == "1985-01-01" and r["schema_version"] == 1
    r = driver.execute_script("return peacecoop.evaluate(arguments[0], {readings: {'parties-presumed': 'unknown'}})", y)
    assert r["readings"]["parties-presumed"] == "unknown"
    h = driver.execute_script("return peacecoop.history(arguments[0], {lang: 'en'})", y)
    assert [v["law_version"]["id"] for v in h["versions"]][:2] == ["1992", "1998"]
    w = driver.execute_script("return peacecoop.whatif(arguments[0], {lang: 'en'})", scenario("hypo-p1-no-ceasefire-1995.yaml"))
    assert w["verdict"] == "not_eligible" and w["alternatives"]
    e = driver.execute_script("""
        try { peacecoop.parse('name: x\\ndate: 2005-01-01\\noperation: un_peacekeping\\n'); return null; }
        catch (e) { return {isError: e instanceof Error, message: e.message, line: e.line, column: e.column}; }""")
    assert e["isError"] and (e["line"], e["column"]) == (3, 12)
    assert e["message"].startswith("error: scenario.yaml:3:12: invalid value for `operation`")
    e = driver.execute_script("try { peacecoop.evaluate('name: x\\n', {date: 'soon'}); } catch (e) { return [e.message, e.line]; }")
    assert e[0].startswith("error: invalid date") and e[1] is None
    back = driver.execute_script("return peacecoop.parse(peacecoop.toYaml(peacecoop.parse(arguments[0])))", y)
    assert back == driver.execute_script("return peacecoop.parse(arguments[0])", y)


def test_dist_within_size_budget():
    """Issue 11: web/dist/ at most 1.5 MB gzip-compressed in all (gzip -9, file by file)."""
    import gzip
    from conftest import DIST
    total = sum(len(gzip.compress(p.read_bytes(), 9)) for p in DIST.iterdir() if p.is_file())
    assert total <= 1_500_000, total
    names = sorted(p.name for p in DIST.iterdir())
    assert names == ["app.js", "engine-wasm.js", "engine.js", "i18n.js", "index.html", "style.css"], names


def _refs_resolve(box, want_id):
    """Every [n] in `box` links to a note under it naming the source by title and address."""
    links = box.find_elements(By.CSS_SELECTOR, "a.src-ref")
    assert links, box.text
    for a in links:
        note = box.find_element(By.ID, a.get_attribute("href").split("#", 1)[1])
        assert note.get_attribute("data-source") == a.get_attribute("data-source")
        assert a.get_attribute("title") and a.get_attribute("title") in note.text
    note = box.find_element(By.CSS_SELECTOR, f'ol.src-refs li[data-source="{want_id}"]')
    return note


@pytest.mark.parametrize("lang,title", [
    ("en", "House of Representatives"), ("ja", "衆議院"),
])
def test_source_references_in_descriptions(driver, lang, title):
    """`[diet-b192160]` in a fact's description, a reading's option and a rule's reading note is
    a numbered reference to the source's title and address, never the raw id in the text."""
    open_page(driver, frag(scenario("hypo-p1-no-ceasefire-1995.yaml"), lang))
    src = {s["id"]: s for s in driver.execute_script("return peacecoop.sources(arguments[0])", lang)}
    want = src["diet-b192160"]
    assert title in want["title"], want
    field = driver.find_element(By.ID, "f-conflict-parties_remain").find_element(By.XPATH, "..")
    desc = field.find_element(By.CSS_SELECTOR, "p.desc")
    assert "[diet-b192160]" not in desc.text and "[1]" in desc.text, desc.text
    note = _refs_resolve(field, "diet-b192160")
    assert want["title"] in note.text
    assert note.find_element(By.CSS_SELECTOR, "a.url").get_attribute("href").rstrip("/") == want["url"].rstrip("/")
    # the reading's chosen option: text with references under the select, none in the option
    sel = driver.find_element(By.ID, "r-parties-presumed")
    assert all("[diet-" not in o.text for o in Select(sel).options)
    box = driver.find_element(By.ID, "r-parties-presumed-o")
    assert "remain" in box.text and "[diet-b192160]" not in box.text
    _refs_resolve(box, "diet-b192160")
    Select(sel).select_by_value("unknown")
    WebDriverWait(driver, 5).until(lambda d: "unknown" in box.find_element(By.CSS_SELECTOR, "p.desc code").text)
    _refs_resolve(box, "diet-b192160")
    # a rule's reading note, under the statute's words
    row = driver.find_element(By.CSS_SELECTOR, '#trace li[data-rule="ceasefire-agreement"]')
    driver.execute_script("arguments[0].scrollIntoView()", row)
    row.find_element(By.CSS_SELECTOR, "details.statute > summary").click()
    WebDriverWait(driver, 5).until(lambda d: row.find_elements(By.CSS_SELECTOR, "details.statute p.reading"))
    st = row.find_element(By.CSS_SELECTOR, "details.statute")
    assert "[diet-b192156]" not in st.text and "[bill-2015-art3-1]" not in st.text, st.text
    assert "[1, 2]" in st.find_element(By.CSS_SELECTOR, "p.reading").text  # "[a] [b]" as the trace writes it
    _refs_resolve(st, "bill-2015-art3-1")


def test_reset_brings_back_the_shipped_scenario(driver):
    """Picking the scenario already picked fires no change: Reset reloads its shipped text."""
    open_page(driver)
    Select(driver.find_element(By.ID, "scenario")).select_by_value("scenarios/minusma-2013.yaml")
    wait_verdict(driver, "not_eligible")
    shipped = driver.find_element(By.ID, "yaml").get_attribute("value")
    assert shipped == scenario("minusma-2013.yaml")
    driver.find_element(By.ID, "tab-form").click()
    name = driver.find_element(By.ID, "f-name")
    name.send_keys(Keys.END, " (mine)")
    Select(driver.find_element(By.ID, "f-consent-host")).select_by_value("withdrawn")
    WebDriverWait(driver, 5).until(lambda d: "withdrawn" in d.find_element(By.ID, "yaml").get_attribute("value"))
    reset = driver.find_element(By.ID, "reset")
    assert reset.text == "Reset" and "edits" in reset.get_attribute("title")
    reset.click()
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "yaml").get_attribute("value") == shipped)
    wait_verdict(driver, "not_eligible")
    assert "(mine)" not in driver.find_element(By.ID, "f-name").get_attribute("value")
    assert driver.find_element(By.ID, "scenario").get_attribute("value") == "scenarios/minusma-2013.yaml"
    # by keyboard, in Japanese, from a share link: back to the link's scenario
    text = scenario("untac-1992.yaml").replace("ceasefire: agreed", "ceasefire: collapsed")
    open_page(driver, frag(text, "ja"))
    wait_verdict(driver, "not_eligible")
    Select(driver.find_element(By.ID, "f-conflict-ceasefire")).select_by_value("agreed")
    wait_verdict(driver, "eligible")
    reset = driver.find_element(By.ID, "reset")
    assert reset.text == "元に戻す"
    driver.execute_script("arguments[0].focus()", reset)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait_verdict(driver, "not_eligible")
    assert driver.find_element(By.ID, "yaml").get_attribute("value") == text


@pytest.mark.parametrize("lang,label,met,unmet", [
    ("en", "Expect", "NOT ELIGIBLE (as expected)", "NOT ELIGIBLE, but the verdict is ELIGIBLE"),
    ("ja", "想定", "参加不可（想定どおり）", "参加不可。ただし判定は参加可能"),
])
def test_expect_line_in_verdict_words(driver, lang, label, met, unmet):
    """The expectation is said as the verdict is, in the CLI's and handouts' words (the
    library's), never the raw `not_eligible`."""
    open_page(driver, frag(scenario("hypo-p1-no-ceasefire-1995.yaml"), lang))

    def expect_line():
        dl = driver.find_element(By.CSS_SELECTOR, "#verdict dl.meta")
        assert "not_eligible" not in dl.text and "eligible" not in dl.text, dl.text
        dd = dl.find_element(By.XPATH, f'dt[normalize-space()="{label}"]/following-sibling::dd[1]')
        return dd.text, "mismatch" in (dd.get_attribute("class") or "")

    assert expect_line() == (met, False)
    Select(driver.find_element(By.ID, "f-conflict-ceasefire")).select_by_value("agreed")
    wait_verdict(driver, "eligible")
    assert expect_line() == (unmet, True)
