//! The closed vocabularies of the format: every field whose value must come from a fixed list.

use schemars::JsonSchema;
use serde::Serialize;

/// A closed list of words a field accepts, spelled as in the format.
pub trait Vocabulary: Copy + Sized + 'static {
    /// Every value, in the order the format lists them.
    const ALL: &'static [Self];
    /// What the format calls this vocabulary, for messages ("stance").
    const NAME: &'static str;
    fn as_str(self) -> &'static str;

    fn parse(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == word)
    }

    fn words() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|v| v.as_str())
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $label:literal, default $default:ident, { $($variant:ident => $word:literal),+ $(,)? }) => {
        vocabulary!($(#[$meta])* $name, $label, { $($variant => $word),+ });
        impl Default for $name {
            fn default() -> Self {
                Self::$default
            }
        }
    };
    ($(#[$meta:meta])* $name:ident, $label:literal, { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
        pub enum $name {
            $(
                #[serde(rename = $word)]
                $variant,
            )+
        }
        vocabulary!(@impl $name, $label, { $($variant => $word),+ });
    };
    (@impl $name:ident, $label:literal, { $($variant:ident => $word:literal),+ }) => {
        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const NAME: &'static str = $label;
            fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $word),+ }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// What sort of actor this is.
    ActorKind, "actor kind", default Person, {
        Person => "person",
        Organisation => "organisation",
        State => "state",
        Group => "group",
    }
);

vocabulary!(
    /// How far a claim stands up.
    ClaimStatus, "claim status", default Reported, {
        Reported => "reported",
        Confirmed => "confirmed",
        Disputed => "disputed",
        Denied => "denied",
        Unverified => "unverified",
    }
);

vocabulary!(
    /// An actor's stance toward a topic.
    Stance, "stance", default Unclear, {
        Supports => "supports",
        Opposes => "opposes",
        Neutral => "neutral",
        Mixed => "mixed",
        Unclear => "unclear",
    }
);

vocabulary!(
    /// How closely a quote's text follows the speaker's words.
    QuoteKind, "quote kind", default Direct, {
        Direct => "direct",
        Partial => "partial",
        Indirect => "indirect",
    }
);

vocabulary!(
    /// Where an event stands in time.
    EventStatus, "event status", default Occurred, {
        Occurred => "occurred",
        Scheduled => "scheduled",
        Ongoing => "ongoing",
        Cancelled => "cancelled",
    }
);

vocabulary!(
    /// Source reliability on the Admiralty scale.
    Reliability, "reliability", {
        A => "A",
        B => "B",
        C => "C",
        D => "D",
        E => "E",
        F => "F",
    }
);

/// Information credibility on the Admiralty scale, 1 (confirmed) to 6 (cannot be judged).
/// Written as a number; serialized as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Credibility {
    One,
    Two,
    Three,
    Four,
    Five,
    Six,
}

vocabulary!(@impl Credibility, "credibility", {
    One => "1",
    Two => "2",
    Three => "3",
    Four => "4",
    Five => "5",
    Six => "6"
});

impl Credibility {
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

impl Serialize for Credibility {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.number())
    }
}

impl JsonSchema for Credibility {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Credibility".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Information credibility on the Admiralty scale, 1 (confirmed) to 6 (cannot be judged).",
            "enum": [1, 2, 3, 4, 5, 6, "1", "2", "3", "4", "5", "6"]
        })
    }
}

impl Stance {
    /// Whether two stances on one topic pull in opposite directions.
    pub fn disagrees_with(self, other: Stance) -> bool {
        matches!((self, other), (Stance::Supports, Stance::Opposes) | (Stance::Opposes, Stance::Supports))
    }

    /// Whether two stances on one topic point the same definite way.
    pub fn agrees_with(self, other: Stance) -> bool {
        self == other && matches!(self, Stance::Supports | Stance::Opposes)
    }
}

impl Reliability {
    pub fn meaning(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

impl Credibility {
    pub fn meaning(self) -> &'static str {
        match self {
            Credibility::One => "confirmed by other sources",
            Credibility::Two => "probably true",
            Credibility::Three => "possibly true",
            Credibility::Four => "doubtful",
            Credibility::Five => "improbable",
            Credibility::Six => "truth cannot be judged",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for stance in Stance::ALL {
            assert_eq!(Stance::parse(stance.as_str()), Some(*stance));
        }
        assert_eq!(Stance::parse("support"), None);
        assert_eq!(Credibility::parse("3"), Some(Credibility::Three));
        assert_eq!(Reliability::parse("b"), None, "the scale is upper case");
    }

    #[test]
    fn defaults_follow_the_format() {
        assert_eq!(ActorKind::default(), ActorKind::Person);
        assert_eq!(ClaimStatus::default(), ClaimStatus::Reported);
        assert_eq!(Stance::default(), Stance::Unclear);
        assert_eq!(QuoteKind::default(), QuoteKind::Direct);
        assert_eq!(EventStatus::default(), EventStatus::Occurred);
    }

    #[test]
    fn opposite_stances_disagree() {
        assert!(Stance::Supports.disagrees_with(Stance::Opposes));
        assert!(!Stance::Supports.disagrees_with(Stance::Mixed));
        assert!(Stance::Opposes.agrees_with(Stance::Opposes));
        assert!(!Stance::Unclear.agrees_with(Stance::Unclear));
    }
}
