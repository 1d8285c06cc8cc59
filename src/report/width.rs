//! Display width: how many terminal cells a text takes. The one place that
//! knows that a Japanese character takes two cells.

use unicode_width::UnicodeWidthStr;

/// The cells `s` takes on a terminal (wide characters count two).
pub(crate) fn cells(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` followed by spaces up to `width` cells (at least `min_gap` spaces).
pub(crate) fn pad(s: &str, width: usize, min_gap: usize) -> String {
    let n = width.saturating_sub(cells(s)).max(min_gap);
    format!("{s}{}", " ".repeat(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_counts_double() {
        assert_eq!(cells("判定"), 4);
        assert_eq!(cells("pass"), 4);
        assert_eq!(pad("判定", 8, 1), "判定    ");
        assert_eq!(pad("Verdict:", 4, 1), "Verdict: ");
    }
}
