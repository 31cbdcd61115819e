//! Stage 4: tokens parsed with `syn` and printed with `prettyplease`, under a header
//! that marks the file as generated.

use proc_macro2::TokenStream;

use crate::Settings;

/// The `@generated` header of each kind of file.
pub struct Header {
    /// For `.rs` files.
    pub rust: String,
    /// For `Cargo.toml`.
    pub toml: String,
    /// For `README.md`, where a comment would show, so an HTML comment.
    pub markdown: String,
}

/// The headers for a crate generated with `settings`.
pub fn header_for(settings: &Settings) -> Header {
    let text = format!(
        "@generated from {} by this workspace's generator. Do not edit: change the spec and regenerate.",
        settings.spec_label
    );
    Header {
        rust: format!("// {text}\n\n"),
        toml: format!("# {text}\n\n"),
        markdown: format!("<!-- {text} -->\n\n"),
    }
}

/// Formats one file's tokens as Rust source, with a blank line between items
/// (prettyplease prints them back to back).
pub fn format_tokens(tokens: TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens)?;
    let mut items = file.items.into_iter();
    // The inner attributes and docs print with the first item, as they must.
    let first = syn::File {
        shebang: None,
        attrs: file.attrs,
        items: items.next().into_iter().collect(),
    };
    let mut previous = first.items.first().map(kind);
    let mut text = prettyplease::unparse(&first);
    for item in items {
        // Runs of `use` or `mod` lines stay together; other items get a blank line.
        let this = kind(&item);
        if previous != Some(this) || this == ItemKind::Other {
            text.push('\n');
        }
        previous = Some(this);
        text.push_str(&prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: vec![],
            items: vec![item],
        }));
    }
    Ok(text)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemKind {
    Use,
    Mod,
    Other,
}

fn kind(item: &syn::Item) -> ItemKind {
    match item {
        syn::Item::Use(_) => ItemKind::Use,
        syn::Item::Mod(_) => ItemKind::Mod,
        _ => ItemKind::Other,
    }
}
