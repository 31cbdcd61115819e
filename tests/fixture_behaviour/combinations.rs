//! The `combinations` fixture: `allOf` merged, `oneOf` read by its discriminator
//! (unknown tags kept), `anyOf` tried in order.

use fixture_combinations::types::{Cat, Described, Dog, Named, Pet};
use serde_json::json;

#[test]
fn all_of_merges_every_part_into_one_struct() {
    let cat = Cat::new("cat".into(), "Tom".into(), true);
    assert_eq!(
        serde_json::to_value(&cat).expect("json"),
        json!({"pet_type": "cat", "name": "Tom", "indoor": true})
    );
    let dog: Dog =
        serde_json::from_value(json!({"pet_type": "dog", "name": "Rex", "bark": "woof"}))
            .expect("dog");
    assert_eq!(dog.bark.as_deref(), Some("woof"));
}

#[test]
fn one_of_with_a_discriminator_reads_the_tagged_variant() {
    let pets: Vec<Pet> = serde_json::from_value(json!([
        {"pet_type": "cat", "name": "Tom", "indoor": false},
        {"pet_type": "dog", "name": "Rex"},
        {"pet_type": "parrot", "name": "Polly", "words": 12},
    ]))
    .expect("pets");
    assert!(matches!(&pets[0], Pet::Cat(cat) if cat.name == "Tom" && !cat.indoor));
    assert!(matches!(&pets[1], Pet::Dog(dog) if dog.name == "Rex" && dog.pet_type == "dog"));
    let Pet::Unknown(parrot) = &pets[2] else {
        panic!("an unknown tag was not kept: {:?}", pets[2])
    };
    assert_eq!(parrot["words"], 12);
    // Written back exactly, tag included.
    assert_eq!(
        serde_json::to_value(&pets[2]).expect("json"),
        json!({"pet_type": "parrot", "name": "Polly", "words": 12})
    );
    assert_eq!(
        serde_json::to_value(&pets[1]).expect("json")["pet_type"],
        "dog"
    );
}

#[test]
fn a_tagged_variant_that_does_not_fit_is_an_error() {
    let broken = serde_json::from_value::<Pet>(json!({"pet_type": "cat", "name": "Tom"}));
    assert!(broken.is_err(), "a cat without `indoor` was accepted");
}

#[test]
fn any_of_without_discriminator_takes_the_first_that_fits() {
    assert_eq!(
        serde_json::from_value::<Named>(json!("x")).expect("string"),
        Named::String("x".into())
    );
    assert_eq!(
        serde_json::from_value::<Named>(json!(7)).expect("integer"),
        Named::Integer(7)
    );
    assert_eq!(Named::Integer(7).to_string(), "7");
}

#[test]
fn all_of_with_a_single_ref_is_that_type() {
    let described = Described {
        pet: Some(Pet::Dog(Dog::new("dog".into(), "Rex".into()))),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&described).expect("json")["pet"]["name"],
        "Rex"
    );
}
