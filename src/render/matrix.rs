//! Truth tables as an aligned text table, Markdown or CSV.

use crate::analysis::matrix::MatrixReport as Matrix;
use crate::model::Lang;
use crate::report::width::cells as width;
use crate::report::words;

fn cells(m: &Matrix, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head: Vec<String> = m.dims.iter().map(|d| d.name.clone()).collect();
    head.push(match lang {
        Lang::En => "verdict".into(),
        Lang::Ja => "判定".into(),
    });
    head.push(match lang {
        Lang::En => "failing rules".into(),
        Lang::Ja => "満たされない規則".into(),
    });
    let rows = m
        .rows
        .iter()
        .map(|r| {
            let mut row: Vec<String> = m
                .dims
                .iter()
                .zip(&r.choice)
                .map(|(d, &c)| d.values.get(c).cloned().unwrap_or_default())
                .collect();
            row.push(words::verdict_word(lang, r.verdict).to_owned());
            row.push(r.failed.join(" "));
            row
        })
        .collect();
    (head, rows)
}

/// An aligned text table.
pub fn text(m: &Matrix, lang: Lang) -> String {
    let (head, rows) = cells(m, lang);
    let mut w: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(width(c));
        }
    }
    let line = |r: &[String]| {
        let mut s = String::new();
        for (i, c) in r.iter().enumerate() {
            s.push_str(c);
            if i + 1 < r.len() {
                s.push_str(&" ".repeat(w[i] - width(c) + 2));
            }
        }
        s.trim_end().to_owned() + "\n"
    };
    let mut out = line(&head);
    out.push_str(&line(&w.iter().map(|n| "-".repeat(*n)).collect::<Vec<_>>()));
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}

/// A Markdown table (a handout or a slide).
pub fn markdown(m: &Matrix, lang: Lang) -> String {
    let (head, rows) = cells(m, lang);
    let esc = |s: &str| s.replace('|', "\\|");
    let mut out = format!(
        "| {} |\n",
        head.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | ")
    );
    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
    for r in &rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

/// CSV (RFC 4180 quoting), verdicts as their codes (`eligible`, …).
pub fn csv(m: &Matrix) -> String {
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    let mut head: Vec<String> = m.dims.iter().map(|d| quote(&d.name)).collect();
    head.push("verdict".into());
    head.push("failing_rules".into());
    let mut out = head.join(",") + "\n";
    for r in &m.rows {
        let mut row: Vec<String> = m
            .dims
            .iter()
            .zip(&r.choice)
            .map(|(d, &c)| quote(d.values.get(c).map_or("", String::as_str)))
            .collect();
        row.push(r.verdict.as_str().to_owned());
        row.push(quote(&r.failed.join(" ")));
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}
