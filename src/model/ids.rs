//! Finding items by id without copying the ids: a sorted table of id hashes, checked against
//! the brief on lookup.

use super::{Brief, ItemRef, Section};

/// Every item of a brief by the hash of its id.
#[derive(Debug, Clone, Default)]
pub struct IdTable {
    /// Sorted by hash; items with the same hash stay in section and file order.
    entries: Vec<(u64, ItemRef)>,
    /// Where the entries whose hash starts with each `bits`-bit prefix begin (one more at the
    /// end): a lookup reads one of these and a few entries, not the ~18 scattered entries a
    /// binary search over 100k quotes would, which made lookups most of a large brief's checks.
    starts: Vec<u32>,
    bits: u32,
}

pub(crate) fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x6272_6965_6621).hash_one(id)
}

/// The first `bits` bits of a hash.
fn prefix_of(hash: u64, bits: u32) -> u64 {
    hash.checked_shr(64 - bits).unwrap_or(0)
}

impl IdTable {
    pub fn build(brief: &Brief) -> IdTable {
        let mut entries: Vec<(u64, ItemRef)> = Section::ALL
            .iter()
            .flat_map(|&section| brief.items(section))
            .map(|item| (id_hash(brief.id_of(item)), item))
            .collect();
        entries.sort_by_key(|&(hash, _)| hash);
        // About one entry per prefix: a power of two at least the number of entries.
        let bits = entries.len().next_power_of_two().trailing_zeros();
        let mut starts = Vec::with_capacity((1 << bits) + 1);
        let mut next = 0;
        for prefix in 0..=(1u64 << bits) {
            while next < entries.len() && prefix_of(entries[next].0, bits) < prefix {
                next += 1;
            }
            starts.push(next as u32);
        }
        IdTable { entries, starts, bits }
    }

    /// The entries whose hash has the same prefix as `hash`.
    fn bucket(&self, hash: u64) -> &[(u64, ItemRef)] {
        let prefix = prefix_of(hash, self.bits) as usize;
        match (self.starts.get(prefix), self.starts.get(prefix + 1)) {
            (Some(&first), Some(&end)) => &self.entries[first as usize..end as usize],
            _ => &[],
        }
    }

    /// Every item with this id, first written first (more than one only in a brief with errors).
    pub fn all<'a>(&'a self, brief: &'a Brief, id: &'a str) -> impl Iterator<Item = ItemRef> + 'a {
        let hash = id_hash(id);
        let bucket = self.bucket(hash);
        let first = bucket.partition_point(|&(h, _)| h < hash);
        bucket[first..]
            .iter()
            .take_while(move |&&(h, _)| h == hash)
            .map(|&(_, item)| item)
            .filter(move |&item| brief.id_of(item) == id)
    }

    /// The item with this id (the first, if written twice).
    pub fn get(&self, brief: &Brief, id: &str) -> Option<ItemRef> {
        self.all(brief, id).next()
    }

    /// Ids written more than once: each later item with the first item of its id.
    pub fn duplicates<'a>(&'a self, brief: &'a Brief) -> impl Iterator<Item = (ItemRef, ItemRef)> + 'a {
        self.entries.windows(2).filter(|w| w[0].0 == w[1].0).filter_map(move |w| {
            let later = w[1].1;
            let first = self.get(brief, brief.id_of(later))?;
            (first != later).then_some((later, first))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Brief {
        crate::sample::load().into_valid_briefs().remove(0)
    }

    #[test]
    fn every_item_is_found_by_its_id() {
        let brief = sample();
        let table = IdTable::build(&brief);
        for section in Section::ALL {
            for item in brief.items(section) {
                assert_eq!(table.get(&brief, brief.id_of(item)), Some(item), "{}", brief.id_of(item));
            }
        }
    }

    #[test]
    fn an_unknown_id_finds_nothing() {
        let brief = sample();
        let table = IdTable::build(&brief);
        assert_eq!(table.get(&brief, "no-such-id"), None);
        assert_eq!(table.get(&brief, ""), None);
    }

    #[test]
    fn an_empty_brief_has_an_empty_table() {
        let mut brief = sample();
        brief.sources.clear();
        brief.topics.clear();
        brief.actors.clear();
        brief.claims.clear();
        brief.positions.clear();
        brief.quotes.clear();
        brief.events.clear();
        let table = IdTable::build(&brief);
        assert_eq!(table.get(&brief, "putin"), None);
        assert_eq!(table.duplicates(&brief).count(), 0);
    }

    #[test]
    fn an_id_written_twice_finds_both_first_written_first() {
        let mut brief = sample();
        let mut copy = brief.actors[0].clone();
        copy.name = "Someone else".into();
        brief.actors.push(copy);
        let table = IdTable::build(&brief);
        let id = brief.actors[0].id.clone();
        let found: Vec<ItemRef> = table.all(&brief, &id).collect();
        assert_eq!(found, [ItemRef::new(Section::Actors, 0), ItemRef::new(Section::Actors, brief.actors.len() - 1)]);
        assert_eq!(table.duplicates(&brief).count(), 1);
    }
}
