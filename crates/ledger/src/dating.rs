//! When was an undated article written? Many pages reach us with no publication date and
//! no dateline, yet state a running total ("the campaign has killed 87 people"). Totals only
//! grow, so the dated totals of the rest of the corpus place such an article in time: near
//! the dated articles that state the same total, or between those that state a little less
//! and a little more. The estimate is rough (days), so on its own it only gives a year to
//! dates written without one ("Sept. 15"). [`total_window`] is the narrower question: within
//! which days was a total reached? When that window is short, the article's lead weekday
//! ("on Thursday") can be dated in it (see `sw_extract::DateHints`).

use chrono::NaiveDate;

/// How many dated totals on each side of an undated one are pooled: one outlet's stale or
/// inflated count does not move the estimate.
const POOL: usize = 3;

/// Totals this small say little about when: every campaign passes through them.
const MIN_TOTAL: i64 = 10;

/// Estimates when an article stating the running death tolls `killed` was written, from
/// `series`: (as-of date, killed) of totals stated by dated articles. None when the article
/// states no usable total, or the corpus does not bracket it (a total above or below every
/// dated one says only "after" or "before"), or the totals around it disagree on the order.
pub fn estimate_written(killed: &[i64], series: &[(NaiveDate, i64)]) -> Option<NaiveDate> {
    // the largest total an article states is its latest
    let k = killed.iter().copied().filter(|k| *k >= MIN_TOTAL).max()?;
    let mut same: Vec<NaiveDate> = series
        .iter()
        .filter(|(_, v)| *v == k)
        .map(|(d, _)| *d)
        .collect();
    if !same.is_empty() {
        same.sort_unstable();
        return Some(same[(same.len() - 1) / 2]);
    }
    let mut below: Vec<(i64, NaiveDate)> = series
        .iter()
        .filter(|(_, v)| *v < k)
        .map(|(d, v)| (*v, *d))
        .collect();
    let mut above: Vec<(i64, NaiveDate)> = series
        .iter()
        .filter(|(_, v)| *v > k)
        .map(|(d, v)| (*v, *d))
        .collect();
    if below.is_empty() || above.is_empty() {
        return None;
    }
    // nearest totals first; ties by date, so the result does not depend on input order
    below.sort_unstable_by(|a, b| b.cmp(a));
    above.sort_unstable();
    let median = |v: &[(i64, NaiveDate)]| {
        let mut d: Vec<NaiveDate> = v.iter().take(POOL).map(|(_, d)| *d).collect();
        d.sort_unstable();
        d[(d.len() - 1) / 2]
    };
    let (lo, hi) = (median(&below), median(&above));
    (lo <= hi).then(|| lo + (hi - lo) / 2)
}

/// The days within which the running death toll reached `total`, from `series`: (as-of
/// date, killed) of totals stated by dated articles. A dated total below `total` says the
/// day came after it; one at or above, that the day came on or before it. Outlets disagree
/// and some count differently, so the window is where the fewest stated totals are
/// contradicted; None when that is open-ended (the corpus does not bracket the total), or
/// the total is too small to place.
///
/// Sorting the series is the cost: O(n log n) in dated totals, once per undated total.
pub fn total_window(total: i64, series: &[(NaiveDate, i64)]) -> Option<(NaiveDate, NaiveDate)> {
    if total < MIN_TOTAL || series.is_empty() {
        return None;
    }
    let mut s: Vec<(NaiveDate, bool)> = series.iter().map(|(d, v)| (*d, *v >= total)).collect();
    s.sort_unstable();
    // the distinct dates d_0 < ... < d_m; region i is (d_{i-1}, d_i] (region 0 open below,
    // region m+1 open above). Contradictions in region i: totals reached before it plus
    // totals not yet reached from it on.
    let mut dates: Vec<NaiveDate> = s.iter().map(|(d, _)| *d).collect();
    dates.dedup();
    let not_reached_total = s.iter().filter(|(_, r)| !r).count();
    let (mut reached_before, mut not_reached_from) = (0usize, not_reached_total);
    let mut cost = Vec::with_capacity(dates.len() + 1);
    let mut j = 0;
    for i in 0..=dates.len() {
        cost.push(reached_before + not_reached_from);
        // move past the totals of d_i
        while j < s.len() && i < dates.len() && s[j].0 == dates[i] {
            if s[j].1 {
                reached_before += 1;
            } else {
                not_reached_from -= 1;
            }
            j += 1;
        }
    }
    let min = *cost.iter().min()?;
    let first = cost.iter().position(|c| *c == min)?;
    let last = cost.iter().rposition(|c| *c == min)?;
    if first == 0 || last == dates.len() {
        return None;
    }
    Some((dates[first - 1].succ_opt()?, dates[last]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn series() -> Vec<(NaiveDate, i64)> {
        vec![
            (d("2025-10-10"), 27),
            (d("2025-10-24"), 43),
            (d("2025-11-06"), 64),
            (d("2025-11-18"), 80),
            (d("2025-12-04"), 87),
            (d("2025-12-06"), 87),
            (d("2025-12-09"), 87),
            (d("2026-01-20"), 120),
        ]
    }

    #[test]
    fn the_same_total_gives_the_median_date_of_those_stating_it() {
        assert_eq!(estimate_written(&[87], &series()), Some(d("2025-12-06")));
        // the largest total of the article counts
        assert_eq!(
            estimate_written(&[12, 87], &series()),
            Some(d("2025-12-06"))
        );
    }

    #[test]
    fn a_total_between_two_gives_the_middle_of_their_dates() {
        // 70 lies between 64 (Nov 6) and 80 (Nov 18)
        let e = estimate_written(&[70], &series()).unwrap();
        assert!(e > d("2025-11-06") && e < d("2025-11-18"), "{e}");
    }

    #[test]
    fn an_unbracketed_or_tiny_total_gives_nothing() {
        assert_eq!(estimate_written(&[150], &series()), None);
        assert_eq!(estimate_written(&[20], &series()), None);
        assert_eq!(estimate_written(&[6], &series()), None);
        assert_eq!(estimate_written(&[], &series()), None);
        assert_eq!(estimate_written(&[70], &[]), None);
    }

    #[test]
    fn a_total_is_reached_between_the_last_total_below_and_the_first_at_or_above() {
        // 70: after Nov 6 (64), by Nov 18 (80)
        assert_eq!(
            total_window(70, &series()),
            Some((d("2025-11-07"), d("2025-11-18")))
        );
        // 87 is stated on Dec 4: reached by then, after Nov 18
        assert_eq!(
            total_window(87, &series()),
            Some((d("2025-11-19"), d("2025-12-04")))
        );
        assert_eq!(total_window(150, &series()), None);
        assert_eq!(total_window(20, &series()), None);
        assert_eq!(total_window(5, &series()), None);
    }

    #[test]
    fn one_stray_total_does_not_move_the_window() {
        // a count of something else (12 on Dec 10), outvoted by the four totals of 80 and
        // more stated before it
        let mut s = series();
        s.push((d("2025-12-10"), 12));
        assert_eq!(
            total_window(70, &s),
            Some((d("2025-11-07"), d("2025-11-18")))
        );
        s.reverse();
        assert_eq!(
            total_window(70, &s),
            Some((d("2025-11-07"), d("2025-11-18")))
        );
        // a second stray (Nov 20): reaching 70 by Dec 4 now contradicts as few totals as
        // reaching it by Nov 18, and the window spans both
        s.push((d("2025-11-20"), 12));
        assert_eq!(
            total_window(70, &s),
            Some((d("2025-11-07"), d("2025-12-04")))
        );
    }

    #[test]
    fn disagreeing_neighbours_give_nothing_and_order_does_not_matter() {
        // totals that fell over time around 70: no order to read
        let s = vec![(d("2025-12-01"), 60), (d("2025-11-01"), 90)];
        assert_eq!(estimate_written(&[70], &s), None);
        let mut r = series();
        r.reverse();
        assert_eq!(
            estimate_written(&[70], &r),
            estimate_written(&[70], &series())
        );
    }
}
