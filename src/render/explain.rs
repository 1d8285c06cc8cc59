//! One rule in full, as text (`peacecoop explain`).

use super::clean;
use crate::model::Lang;
use crate::report::catalogue::ExplainReport;
use std::fmt::Write as _;

/// The rule in full: requirement, the law's words, citations with their sources, versions.
pub fn text(r: &ExplainReport, lang: Lang) -> String {
    let mut out = String::new();
    let ja = lang == Lang::Ja;
    let _ = writeln!(out, "{} — {}", r.rule, clean(&r.title));
    match (&r.principle, &r.principle_title, ja) {
        (Some(p), Some(t), true) => {
            let _ = writeln!(out, "原則{p}（{}）／種別：{}", clean(t), r.kind_words);
        }
        (Some(p), Some(t), false) => {
            let _ = writeln!(out, "Principle {p} ({}); kind: {}", clean(t), r.kind_words);
        }
        (_, _, true) => {
            let _ = writeln!(out, "種別：{}", r.kind_words);
        }
        _ => {
            let _ = writeln!(out, "Kind: {}", r.kind_words);
        }
    }
    if !r.description.is_empty() {
        let _ = writeln!(out, "\n{}", clean(&r.description));
    }
    let _ = writeln!(
        out,
        "\n{}: {}",
        if ja { "定義箇所" } else { "Defined at" },
        clean(&r.location)
    );
    for v in &r.versions {
        let _ = writeln!(
            out,
            "\n{} {}",
            if ja {
                "■ 施行期間"
            } else {
                "■ In force"
            },
            v.period
        );
        if let Some(c) = &v.change {
            let _ = writeln!(
                out,
                "  {}: {}",
                if ja { "改正点" } else { "What changed" },
                clean(c)
            );
        }
        let _ = writeln!(
            out,
            "  {}:",
            if ja {
                "適用される場合"
            } else {
                "Applies if"
            }
        );
        for line in v.applies_if.lines() {
            let _ = writeln!(out, "    {}", clean(line));
        }
        match &v.requires {
            Some(req) => {
                let _ = writeln!(out, "  {}:", if ja { "要件" } else { "Requires" });
                for line in req.lines() {
                    let _ = writeln!(out, "    {}", clean(line));
                }
            }
            None => {
                let _ = writeln!(
                    out,
                    "  {}",
                    if ja {
                        "手続：判定には影響しない"
                    } else {
                        "Procedure: reported as a step; never decides the verdict"
                    }
                );
            }
        }
        if let Some(reading) = &v.reading {
            let _ = writeln!(
                out,
                "  {}: {}",
                if ja {
                    "採用した解釈"
                } else {
                    "Reading taken"
                },
                clean(reading)
            );
        }
        let _ = writeln!(out, "  {}:", if ja { "根拠" } else { "Cites" });
        for c in &v.cites {
            let _ = writeln!(out, "    {}", clean(&c.article));
            if let Some(j) = &c.ja {
                let _ = writeln!(out, "      「{}」", clean(j));
            }
            // The English gloss helps an English reader; a Japanese one has the words themselves.
            if let Some(e) = c.en.as_ref().filter(|_| !ja) {
                let _ = writeln!(out, "      \"{}\"", clean(e));
            }
            for s in &c.sources {
                let url = s
                    .url
                    .as_deref()
                    .map(|u| format!(" <{}>", clean(u)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "      {} [{}] {}{url}",
                    if ja { "出典" } else { "Source" },
                    s.id,
                    clean(&s.title)
                );
            }
        }
    }
    out
}
