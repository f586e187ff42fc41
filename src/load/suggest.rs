//! "Did you mean": the nearest known word to a mistyped one.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    // The word itself is never offered: where it names an item of another section, "did you
    // mean" the very id written would send the author in a circle.
    for candidate in candidates.into_iter().filter(|c| *c != word) {
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
    fn never_suggests_the_word_itself() {
        // An id written in the wrong section is found there; "did you mean" the same id is no help.
        assert_eq!(nearest("okafor", ["okafor"]), None);
        assert_eq!(nearest("okafor", ["okafor", "okafo"]), Some("okafo"));
        assert_eq!(nearest("Okafor", ["okafor"]), Some("okafor"));
    }

    #[test]
    fn prefers_the_closest() {
        assert_eq!(nearest("speaks_fo", ["speaker", "speaks_for"]), Some("speaks_for"));
    }
}
