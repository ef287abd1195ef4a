//! The synthetic demo dataset: deterministic by seed, all or nothing, audited.

use kakehashi::demo::DemoSpec;
use kakehashi::{Error, Lang};

use crate::support::{new_registry, stamp};

#[test]
fn the_same_seed_gives_the_same_dataset() {
    let spec = DemoSpec {
        seed: 7,
        children: 30,
        providers: 40,
    };
    let (_d1, _v1, mut a) = new_registry();
    let (_d2, _v2, mut b) = new_registry();
    let sa = a.generate_demo(spec, &stamp()).unwrap();
    let sb = b.generate_demo(spec, &stamp()).unwrap();
    assert_eq!(sa, sb, "same counts");
    assert_eq!(sa.children, 30);
    assert_eq!(sa.providers, 40);
    assert!(
        sa.care_items >= 30,
        "every child has at least one care item"
    );
    assert_eq!(
        a.children_brief().unwrap(),
        b.children_brief().unwrap(),
        "same children, same ids"
    );
    assert_eq!(a.record_counts().unwrap(), b.record_counts().unwrap());
}

#[test]
fn loading_the_same_seed_twice_is_refused_and_adds_nothing() {
    let (_dir, _vault, mut registry) = new_registry();
    let spec = DemoSpec {
        seed: 1,
        children: 5,
        providers: 5,
    };
    registry.generate_demo(spec, &stamp()).unwrap();
    let before = registry.record_counts().unwrap();
    let err = registry.generate_demo(spec, &stamp()).unwrap_err();
    assert!(
        matches!(err, Error::DemoAlreadyLoaded { seed: 1 }),
        "{err:?}"
    );
    assert!(err.to_api(Lang::Ja).message.contains("シード 1"));
    assert_eq!(
        registry.record_counts().unwrap(),
        before,
        "nothing was added"
    );
}

#[test]
fn every_generated_record_has_its_audit_row_and_the_database_stays_sound() {
    let (_dir, _vault, mut registry) = new_registry();
    let summary = registry
        .generate_demo(
            DemoSpec {
                seed: 3,
                children: 20,
                providers: 20,
            },
            &stamp(),
        )
        .unwrap();
    let counts = registry.record_counts().unwrap();
    assert_eq!(counts.children, 20);
    assert_eq!(counts.providers, 20);
    assert_eq!(counts.care_items, summary.care_items as i64);
    assert_eq!(counts.weights, summary.weights as i64);
    let rows = summary.children + summary.care_items + summary.weights + summary.providers;
    assert!(
        counts.audit_rows > rows as i64,
        "guardians, statuses and snapshots are audited too"
    );
    let problems = registry.verify().unwrap();
    assert!(
        problems.is_empty(),
        "integrity, foreign keys and one creation audit row per record: {problems:?}"
    );
}

#[test]
fn different_seeds_give_different_children() {
    let (_d1, _v1, mut a) = new_registry();
    a.generate_demo(
        DemoSpec {
            seed: 1,
            children: 10,
            providers: 0,
        },
        &stamp(),
    )
    .unwrap();
    a.generate_demo(
        DemoSpec {
            seed: 2,
            children: 10,
            providers: 0,
        },
        &stamp(),
    )
    .unwrap();
    let children = a.children_brief().unwrap();
    assert_eq!(children.len(), 20, "two seeds load side by side");
    let names1: Vec<_> = children
        .iter()
        .filter(|c| c.case_number.starts_with("DEMO1-"))
        .map(|c| &c.name)
        .collect();
    let names2: Vec<_> = children
        .iter()
        .filter(|c| c.case_number.starts_with("DEMO2-"))
        .map(|c| &c.name)
        .collect();
    assert_ne!(names1, names2, "another seed, other people");
}
