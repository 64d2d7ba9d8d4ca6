#!/usr/bin/env python3
"""Real-browser test of the site search (headless Chromium through selenium).

Builds nothing: run `make site` first. Opens Output/search.html?q=... twice, straight from disk
(file://) and from `python3 -m http.server` under a sub-path (a copy at TMP/dangjian/), and checks
the expected pages are listed with <mark>ed matches, typing and the keyboard work, and the browser
console stays free of errors.

    python3 Tests/browser/search_test.py [Output]
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# query -> site paths that must be among the results; with a "!" the first must come first
CASES = [
    ("煤海先锋", ["!booklet/meihai-xianfeng.html"]),
    ("四公开", ["!handbook/pinpai-chuangjian/sigongkai.html", "handbook/fuze/gongkai-moban.html"]),
    ("安全生产", ["booklet/anquan-shouwang.html", "stories/2022-03-zhang-tiejun.html"]),
    ("3×3", ["booklet/jingyi-fayun.html", "stories/2023-09-ma-xiaowei.html"]),
    ("３×３精益发运", ["!booklet/jingyi-fayun.html"]),
    ("随时更新", ["handbook/pinpai-chuangjian/sigongkai.html"]),
]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL", message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_driver():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def results(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result")


def wait_for_answer(driver, timeout=10):
    def answered(d):
        status = d.find_elements(By.CSS_SELECTOR, "#search-results .search-status")
        return status and status[0].text not in ("", "正在搜索…")
    WebDriverWait(driver, timeout).until(answered)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def run_cases(driver, base, label):
    for query, expected in CASES:
        driver.get(base + "search.html?q=" + urllib.parse.quote(query))
        try:
            wait_for_answer(driver)
        except Exception:
            check(False, f"{label} {query}: no answer within 10 s")
            continue
        items = results(driver)
        hrefs = [item.find_element(By.CSS_SELECTOR, "a").get_attribute("href") for item in items]
        for path in expected:
            first = path.startswith("!")
            path = path.lstrip("!")
            check(any(href.endswith("/" + path) for href in hrefs), f"{label} {query}: {path} missing from {hrefs}")
            if first:
                check(hrefs and hrefs[0].endswith("/" + path), f"{label} {query}: first result {hrefs[:1]}, expected {path}")
        marks = driver.find_elements(By.CSS_SELECTOR, "#search-results mark")
        check(bool(marks), f"{label} {query}: no <mark> in the results")
        check(driver.find_element(By.ID, "search-page-q").get_attribute("value") == query, f"{label} {query}: box not prefilled")
        errors = console_errors(driver)
        check(not errors, f"{label} {query}: console errors {errors}")
        print(f"ok {label} {query}: {len(items)} results")

    # As you type, then the keyboard: ↓ into the list, Enter follows the link.
    driver.get(base + "search.html")
    box = driver.find_element(By.ID, "search-page-q")
    box.send_keys("师带徒")
    WebDriverWait(driver, 10).until(lambda d: len(results(d)) > 0)
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    check("师带徒" in marks, f"{label} typing: marks {marks[:5]}")
    box.send_keys(Keys.ARROW_DOWN)
    active = driver.switch_to.active_element
    check("search-result-title" in (active.get_attribute("class") or ""), f"{label} keyboard: focus on {active.tag_name}")
    title = active.text
    active.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "search.html" not in d.current_url)
    heading = driver.find_element(By.CSS_SELECTOR, "main h1").text
    check(title in heading or heading in title, f"{label} result link: '{title}' led to '{heading}'")

    driver.get(base + "search.html?q=" + urllib.parse.quote("没有这个词语"))
    wait_for_answer(driver)
    check(not results(driver) and "没有找到" in driver.find_element(By.ID, "search-results").text, f"{label}: no-result message")

    # The form in the header of any page leads to the search page with results.
    driver.get(base + "handbook/index.html")
    header_box = driver.find_element(By.ID, "site-search-q")
    header_box.send_keys("煤海先锋", Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: len(results(d)) > 0)
    check(results(driver)[0].find_element(By.CSS_SELECTOR, "a").get_attribute("href").endswith("/booklet/meihai-xianfeng.html"), f"{label}: header form")
    errors = console_errors(driver)
    check(not errors, f"{label}: console errors {errors}")


def main():
    output = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "Output")
    if not os.path.exists(os.path.join(output, "search", "meta.js")):
        sys.exit(f"{output}/search/meta.js not found: run `make site` first")
    served = tempfile.mkdtemp(prefix="bp-search-")
    shutil.copytree(output, os.path.join(served, "dangjian"))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", served],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = None
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        driver = make_driver()
        run_cases(driver, "file://" + urllib.parse.quote(output) + "/", "file://")
        run_cases(driver, f"http://127.0.0.1:{port}/dangjian/", "http")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(served, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("search browser test passed")


if __name__ == "__main__":
    main()
