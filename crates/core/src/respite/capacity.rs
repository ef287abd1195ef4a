//! The capacity rule (DOMAIN.md §6), pure: the beds of each night of one bed type at one
//! facility (the usual number, or the exception of that night), the bookings that hold them,
//! and the first night a further stay would not fit. No SQL, no clock: the use cases read the
//! rows inside their write transaction and ask this.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

/// The nights of a stay [from, to): the child sleeps there from `from` and leaves on `to`.
pub fn nights(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d < to)
}

/// How many nights [from, to) holds (0 when `to` is not after `from`).
pub fn night_count(from: NaiveDate, to: NaiveDate) -> u32 {
    (to - from).num_days().max(0) as u32
}

/// The nights [from, to) of one bed type: beds and beds held, night by night.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ledger {
    from: NaiveDate,
    beds: Vec<u32>,
    used: Vec<u32>,
    exception: Vec<bool>,
}

impl Ledger {
    /// `usual_beds` every night of [from, to), except the nights in `exceptions` (closures with
    /// 0 beds, or extra beds), which have their own number.
    pub fn new(
        from: NaiveDate,
        to: NaiveDate,
        usual_beds: u32,
        exceptions: impl IntoIterator<Item = (NaiveDate, u32)>,
    ) -> Ledger {
        let exceptions: HashMap<NaiveDate, u32> = exceptions.into_iter().collect();
        let mut beds = Vec::new();
        let mut exception = Vec::new();
        for night in nights(from, to) {
            let special = exceptions.get(&night);
            beds.push(special.copied().unwrap_or(usual_beds));
            exception.push(special.is_some());
        }
        Ledger {
            from,
            used: vec![0; beds.len()],
            beds,
            exception,
        }
    }

    fn index(&self, night: NaiveDate) -> Option<usize> {
        let i = (night - self.from).num_days();
        (0..self.beds.len() as i64)
            .contains(&i)
            .then_some(i as usize)
    }

    /// A stay holding one bed each night of [from, to) (the nights outside the ledger are not
    /// its business).
    pub fn hold(&mut self, from: NaiveDate, to: NaiveDate) {
        for night in nights(from, to) {
            if let Some(i) = self.index(night) {
                self.used[i] += 1;
            }
        }
    }

    /// The first night of [from, to) on which every bed is already held: a further stay over
    /// those nights would overfill it. `None` = it fits.
    pub fn first_full(&self, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
        nights(from, to).find(|&night| match self.index(night) {
            Some(i) => self.used[i] >= self.beds[i],
            // A night the ledger was not built for has no known beds: never a fit.
            None => true,
        })
    }

    /// The first night whose held beds exceed its beds, if any (after beds were taken away).
    pub fn first_overfilled(&self) -> Option<NaiveDate> {
        (0..self.beds.len())
            .find(|&i| self.used[i] > self.beds[i])
            .map(|i| self.night(i))
    }

    fn night(&self, i: usize) -> NaiveDate {
        self.from
            .checked_add_days(Days::new(i as u64))
            .expect("a night of the ledger is a date")
    }

    /// Every night: (date, beds, held, whether an exception set its beds).
    pub fn iter(&self) -> impl Iterator<Item = (NaiveDate, u32, u32, bool)> + '_ {
        (0..self.beds.len()).map(|i| (self.night(i), self.beds[i], self.used[i], self.exception[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn a_stay_holds_its_nights_but_not_the_morning_it_leaves() {
        let got: Vec<_> = nights(day(2), day(5)).collect();
        assert_eq!(got, vec![day(2), day(3), day(4)], "[2, 5) is three nights");
        assert_eq!(night_count(day(2), day(5)), 3);
        assert_eq!(nights(day(5), day(5)).count(), 0, "from = to is no night");
        assert_eq!(night_count(day(6), day(5)), 0);
    }

    #[test]
    fn the_first_full_night_is_named_even_in_the_middle_of_a_stay() {
        let mut ledger = Ledger::new(day(1), day(8), 1, []);
        ledger.hold(day(3), day(4));
        assert_eq!(ledger.first_full(day(2), day(5)), Some(day(3)));
        assert_eq!(
            ledger.first_full(day(4), day(7)),
            None,
            "the booking leaves on the 4th, so the night of the 4th is free"
        );
    }

    #[test]
    fn exceptions_close_nights_or_add_beds() {
        let mut ledger = Ledger::new(day(1), day(8), 1, [(day(2), 0), (day(5), 2)]);
        assert_eq!(ledger.first_full(day(1), day(4)), Some(day(2)), "closed");
        ledger.hold(day(5), day(6));
        assert_eq!(
            ledger.first_full(day(5), day(6)),
            None,
            "an extra bed that night"
        );
        ledger.hold(day(5), day(6));
        assert_eq!(ledger.first_full(day(5), day(6)), Some(day(5)));
        let shown: Vec<_> = ledger.iter().filter(|n| n.3).map(|n| (n.0, n.1)).collect();
        assert_eq!(shown, vec![(day(2), 0), (day(5), 2)]);
    }

    #[test]
    fn nights_outside_the_ledger_never_fit() {
        let ledger = Ledger::new(day(2), day(4), 5, []);
        assert_eq!(ledger.first_full(day(1), day(3)), Some(day(1)));
    }

    proptest! {
        /// Admitting only stays that fit never leaves a night with more stays than beds.
        #[test]
        fn admitting_what_fits_never_overfills(
            beds in 0u32..3,
            closed in proptest::collection::vec((1u32..20, 0u32..3), 0..4),
            stays in proptest::collection::vec((1u32..20, 1u32..6), 0..30),
        ) {
            let mut ledger = Ledger::new(day(1), day(28), beds, closed.iter().map(|&(d, b)| (day(d), b)));
            for (start, len) in stays {
                let (from, to) = (day(start), day(start + len));
                if ledger.first_full(from, to).is_none() {
                    ledger.hold(from, to);
                }
            }
            prop_assert_eq!(ledger.first_overfilled(), None);
            for (night, beds, used, _) in ledger.iter() {
                prop_assert!(used <= beds, "{night}: {used} stays in {beds} beds");
            }
        }
    }
}
