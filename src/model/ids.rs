//! Finding items by id without copying the ids: a sorted table of id hashes, checked against
//! the brief on lookup.

use super::{Brief, ItemRef, Section};

/// Every item of a brief by the hash of its id.
#[derive(Debug, Clone, Default)]
pub struct IdTable {
    /// Sorted by hash; items with the same hash stay in section and file order.
    entries: Vec<(u64, ItemRef)>,
}

fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x6272_6965_6621).hash_one(id)
}

impl IdTable {
    pub fn build(brief: &Brief) -> IdTable {
        let mut entries: Vec<(u64, ItemRef)> = Section::ALL
            .iter()
            .flat_map(|&section| brief.items(section))
            .map(|item| (id_hash(brief.id_of(item)), item))
            .collect();
        entries.sort_by_key(|&(hash, _)| hash);
        IdTable { entries }
    }

    /// Every item with this id, first written first (more than one only in a brief with errors).
    pub fn all<'a>(&'a self, brief: &'a Brief, id: &'a str) -> impl Iterator<Item = ItemRef> + 'a {
        let hash = id_hash(id);
        let first = self.entries.partition_point(|&(h, _)| h < hash);
        self.entries[first..]
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
