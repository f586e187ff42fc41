//! "Did you mean": the nearest known word to a mistyped one.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(&word_lower, &candidate.to_lowercase());
        // A third of the letters may be wrong; words of one or two letters only by case.
        let length = candidate.chars().count().max(word.chars().count());
        let limit = if length < 3 { 0 } else { (length / 3).max(1) };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn finds_typos() {
        let ids = ["biden", "putin", "peskov", "lavrov"];
        assert_eq!(nearest("bidne", ids), Some("biden"));
        assert_eq!(nearest("Putin", ids), Some("putin"));
        assert_eq!(nearest("lavorv", ids), Some("lavrov"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(nearest("merkel", ["biden", "putin"]), None);
        assert_eq!(nearest("x", Vec::<&str>::new()), None);
        assert_eq!(nearest("Z", ["A", "B"]), None);
        assert_eq!(nearest("b", ["A", "B"]), Some("B"));
    }

    #[test]
    fn prefers_the_closest() {
        assert_eq!(nearest("speaks_fo", ["speaker", "speaks_for"]), Some("speaks_for"));
    }
}
