//! What inside the article is clutter: token, role, tag and text rules, author bios,
//! sections headed by a clutter label, and Readability's conditional cleaning.

use std::borrow::Cow;
use std::collections::hash_map::{Entry, HashMap};

use crate::article::Why;
use crate::html::Tag;
use crate::rules::{self, Category};
use crate::scan::Stats;

/// How many levels inside the blocks beside the article their clutter is looked for.
const BESIDE_DEPTH: u32 = 4;

/// How much of two blocks' text is compared to call one a copy of the other: their
/// counts agree already, so a copy that agrees this far is one.
const COPY_COMPARED: usize = 2000;

use super::{ctx, is_data_table, node_text, Attempt, Decision, Exclusion, Mark, Removal, Scope, Verdict, LABEL_PREFIX, MIN_ARTICLE_CHARS};

impl<'a> Attempt<'a> {
    /// Marks the clutter inside the article.
    pub(super) fn mark(mut self, root: usize, article: &[usize], best: usize, scope: Scope, always: bool) -> Decision {
        let n = self.nodes.len();
        self.story = Some(best);
        let mut marks = vec![Mark::Keep; n];
        let mut removals: Vec<Removal> = vec![];
        let first = article[0];
        let last = *article.last().unwrap_or(&first);
        let range = (self.nodes[first].start, self.nodes[last].end);
        let end_index = self.subtree_end(last);
        // Siblings between the chosen ones are not part of the article.
        if root != first || article.len() > 1 {
            for (j, mark) in marks.iter_mut().enumerate().take(end_index).skip(first) {
                if self.nodes[j].parent as usize == root && article.binary_search(&j).is_err() {
                    *mark = Mark::Drop;
                }
            }
        }
        let article_text: u32 = article.iter().map(|&a| self.stats[a].text).sum();
        // The article's top-level elements, the best-scoring element, the headline, and
        // whatever holds them are never clutter (a header block of headline, byline and
        // photo may carry a share bar's class).
        let mut protected = vec![false; n];
        for &top in article.iter().chain([&best]).chain(self.headline.as_ref()) {
            let mut a = Some(top);
            while let Some(p) = a {
                if protected[p] {
                    break;
                }
                protected[p] = true;
                a = self.parent(p);
            }
        }
        let copies = self.copies(first, end_index, &protected, article);
        let byline = self.choose_byline(root).cloned();
        let byline_node = byline.as_ref().map(|(b, _)| *b);
        let mut dead = vec![false; n];
        for i in first..end_index {
            if let Some(p) = self.parent(i) {
                if p >= first && dead[p] {
                    dead[i] = true;
                    continue;
                }
            }
            if marks[i] != Mark::Keep {
                dead[i] = true;
                continue;
            }
            if byline_node == Some(i) || self.title_heading == Some(i) {
                marks[i] = Mark::Drop;
                dead[i] = true;
                continue;
            }
            let verdict = if copies[i] {
                Some((
                    Category::Hidden,
                    Why::Hidden,
                    Cow::Borrowed("a second copy of the text above (the page's version for another screen size)"),
                ))
            } else if protected[i] {
                None
            } else {
                self.judge(i, root, article_text)
            };
            if let Some((category, why, reason)) = verdict {
                if self.options.removes(category) {
                    let index = removals.len() as u32;
                    removals.push(Removal { node: i as u32, category, why, reason });
                    marks[i] = Mark::Removed(index);
                    dead[i] = true;
                    if self.own_exclusion[i].is_none() {
                        self.take_out(i);
                    }
                    if let Some(extra) = self.section_after_label(i, root, &marks) {
                        for j in extra {
                            // A block with a rule of its own (a newsletter box after a
                            // "Related" list) is reported as what it is.
                            let (category, why, reason) = self
                                .judge(j, root, article_text)
                                .filter(|(c, _, _)| self.options.removes(*c))
                                .unwrap_or((category, Why::InSection, Cow::Borrowed("part of a section headed by a clutter label")));
                            removals.push(Removal { node: j as u32, category, why, reason });
                            marks[j] = Mark::Removed(removals.len() as u32 - 1);
                            self.take_out(j);
                        }
                    }
                }
            }
        }
        self.orphan_headings(first, end_index, &mut marks, &mut removals, &dead);
        // Readability's conditional cleaning, innermost first, on the stats left after removals.
        if self.flags.clean_conditionally && self.options.removes(Category::LowContent) {
            for i in (first..end_index).rev() {
                if dead[i] || marks[i] != Mark::Keep {
                    continue;
                }
                if protected[i] {
                    continue;
                }
                // A wrapper left empty by the removals inside it stays: it shows nothing,
                // and a reader who keeps what was removed from it gets it back in place.
                let st = &self.stats[i];
                if st.text == 0 && st.images == 0 && st.embeds == 0 && self.stats[i] != self.nodes[i].stats {
                    continue;
                }
                if let Some((why, reason)) = self.clean_conditionally(i) {
                    let index = removals.len() as u32;
                    removals.push(Removal { node: i as u32, category: Category::LowContent, why, reason });
                    marks[i] = Mark::Removed(index);
                    dead[i] = true;
                    self.take_out(i);
                }
            }
        }
        for (mark, node) in marks.iter_mut().zip(self.nodes).take(end_index).skip(first) {
            if node.tag == Tag::Table && *mark == Mark::Keep && !is_data_table(node) {
                *mark = Mark::Layout;
            }
        }
        let text_len =
            article.iter().map(|&a| if marks[a] == Mark::Keep || marks[a] == Mark::Layout { self.stats[a].text } else { 0 }).sum();
        // Only for the attempt that is the answer: a rung of the ladder that falls short
        // is not (`decide` asks again, `always`, for the best one if none is long enough).
        if scope != Scope::Article && (text_len >= MIN_ARTICLE_CHARS || always) {
            let inside = removals.len();
            if scope == Scope::Page {
                self.mark_around(root, article, article_text, &protected, &marks, &mut removals);
            } else {
                self.mark_beside(root, article_text, &protected, &mut removals);
            }
            for (k, removal) in removals.iter().enumerate().skip(inside) {
                marks[removal.node as usize] = Mark::Removed(k as u32);
            }
        }
        Decision { root, range, marks, removals, byline: byline.map(|(_, t)| t), text_len }
    }

    /// The blocks of the article that repeat an earlier block's text: one copy of each is
    /// read. The copy that holds the headline or the best-scoring block is the one kept.
    fn copies(&self, first: usize, end_index: usize, protected: &[bool], article: &[usize]) -> Vec<bool> {
        let mut copy = vec![false; self.nodes.len()];
        // Only what holds the story's own blocks must stay; the article's top-level blocks
        // are protected from rules, not from being a second copy.
        let holds_story = |i: usize| protected[i] && article.binary_search(&i).is_err() || self.story == Some(i);
        let mut seen: HashMap<(Tag, Stats), usize> = HashMap::new();
        let mut i = first;
        while i < end_index {
            let node = &self.nodes[i];
            if node.stats.paragraphs < rules::COPY_MIN_PARAGRAPHS || !node.tag.is_block() {
                i += 1;
                continue;
            }
            match seen.entry((node.tag, node.stats)) {
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                Entry::Occupied(earlier) => {
                    let m = *earlier.get();
                    let apart = node.start >= self.nodes[m].end;
                    if apart
                        && node_text(self.summary, self.source, i, COPY_COMPARED) == node_text(self.summary, self.source, m, COPY_COMPARED)
                    {
                        if !holds_story(i) {
                            copy[i] = true;
                            i = self.subtree_end(i);
                            continue;
                        }
                        if !holds_story(m) {
                            copy[m] = true;
                        }
                    }
                }
            }
            i += 1;
        }
        copy
    }

    /// The clutter around the article (outside its chosen elements, never holding them),
    /// for decluttering in place. Only `Category::declutters` blocks hide what is inside
    /// them: inside a site header or a sidebar (navigation) an ad slot is still found.
    pub(super) fn mark_around(
        &self,
        root: usize,
        article: &[usize],
        article_text: u32,
        protected: &[bool],
        marks: &[Mark],
        removals: &mut Vec<Removal>,
    ) {
        let n = self.nodes.len();
        // skip: inside a block listed already, or not shown; judged: inside the article and
        // not inside a removed block, so `mark` judged it already.
        let mut skip = vec![false; n];
        let mut judged = vec![false; n];
        for i in 0..n {
            let parent = self.parent(i);
            if parent.is_some_and(|p| skip[p]) {
                skip[i] = true;
                continue;
            }
            if let Mark::Removed(k) = marks[i] {
                skip[i] = removals[k as usize].category.declutters();
                continue;
            }
            judged[i] = article.binary_search(&i).is_ok() || parent.is_some_and(|p| judged[p] && !matches!(marks[p], Mark::Removed(_)));
            if judged[i] || protected[i] {
                continue;
            }
            if matches!(self.own_exclusion[i], Some(Exclusion::Hidden | Exclusion::NonContent)) {
                skip[i] = true; // hidden already, or not content (<template>, <svg>…)
                continue;
            }
            if let Some((category, why, reason)) = self.judge(i, root, article_text) {
                if category.declutters() {
                    removals.push(Removal { node: i as u32, category, why, reason });
                    skip[i] = true;
                }
            }
        }
    }

    /// The clutter beside the article that a reader may want back: the blocks next to it
    /// and next to each element around it ("Recent posts", its comments, the author's bio),
    /// and inside the rails among them (a sidebar's widgets), a few levels deep. Only
    /// blocks with text, and only what a reader may want back (`Category::read_beside`);
    /// the rest of the page is not judged, so this costs little beside the article's own.
    fn mark_beside(&self, root: usize, article_text: u32, protected: &[bool], removals: &mut Vec<Removal>) {
        let mut level = vec![];
        let mut a = Some(root);
        while let Some(p) = a.and_then(|i| self.parent(i)) {
            level.extend(self.children(p).filter(|&c| !protected[c]).map(|c| (c, 0)));
            if self.nodes[p].tag == Tag::Body {
                break;
            }
            a = Some(p);
        }
        while let Some((i, depth)) = level.pop() {
            let node = &self.nodes[i];
            if node.stats.text == 0 || self.own_exclusion[i].is_some_and(|e| e != Exclusion::Unlikely) {
                continue;
            }
            match self.judge(i, root, article_text) {
                Some((category, why, reason)) if category.read_beside() => removals.push(Removal { node: i as u32, category, why, reason }),
                // An ad rail, a share bar; a site's menu, header or footer (a sidebar is looked into).
                Some((category, ..)) if category.declutters() => {}
                Some((Category::Navigation, ..)) if self.is_site_chrome(i) => {}
                _ if depth < BESIDE_DEPTH => level.extend(self.children(i).map(|c| (c, depth + 1))),
                _ => {}
            }
        }
    }

    /// Whether `i` is the site's menu, header or footer, by its tag or role.
    fn is_site_chrome(&self, i: usize) -> bool {
        matches!(self.nodes[i].tag, Tag::Nav | Tag::Header | Tag::Footer)
            || matches!(self.summary.role(&self.nodes[i]), "navigation" | "banner" | "contentinfo" | "menu" | "menubar")
    }

    /// Why node `i` is clutter, if it is.
    pub(super) fn judge(&self, i: usize, root: usize, article_text: u32) -> Option<Verdict> {
        let n = &self.nodes[i];
        match self.own_exclusion[i] {
            Some(Exclusion::Hidden) => return Some((Category::Hidden, Why::Hidden, Cow::Borrowed("hidden by the page"))),
            Some(Exclusion::NonContent) => return None,
            Some(Exclusion::Unlikely) | None => {}
        }
        if let Some(hit) = self.token_rule(i, article_text) {
            return Some(hit);
        }
        let role = self.summary.role(n);
        if let Some((_, c, why)) = rules::ROLE_RULES.iter().find(|(r, _, _)| *r == role) {
            return Some((*c, Why::Named, Cow::Borrowed(why)));
        }
        // A sidenote or a recipe's ingredients in an `<aside>` is prose, not a rail.
        let st = &self.stats[i];
        let prose_aside = n.tag == Tag::Aside && st.text.saturating_sub(st.link_text) >= 150 && st.link_density() < 0.2;
        if let Some((_, c, why)) = rules::TAG_RULES.iter().find(|(t, _, _)| *t == n.tag.name()).filter(|_| !prose_aside) {
            return Some((*c, Why::Named, Cow::Borrowed(why)));
        }
        // A heading's class names its look ("header-anchor-post"), and a wrapper of
        // sentences is the article whatever it is called ("kt-pane-header-alignment-left"
        // on an accordion): a chart's or a player's labels come in blocks of a few words,
        // and a list so named is a rail or a gallery's captions ("legends").
        let prose_wrapper =
            || matches!(n.tag, Tag::Div | Tag::Section) && st.text / st.paragraphs.max(1) >= 60 && st.commas >= 3 && self.is_prose(i);
        if self.own_exclusion[i] == Some(Exclusion::Unlikely) && !n.tag.is_heading() && !prose_wrapper() {
            let what = format!("page furniture (class/id \"{} {}\")", self.summary.class(n), self.summary.id(n));
            return Some((Category::LowContent, Why::Named, Cow::Owned(what.replace(" \")", "\")").replace("\" ", "\""))));
        }
        if matches!(n.tag, Tag::H1 | Tag::H2 | Tag::H3) && self.class_weight(i) < 0.0 {
            return Some((Category::LowContent, Why::Named, Cow::Borrowed("a heading marked as page furniture")));
        }
        if let Some(hit) = self.text_rule(i, root) {
            return Some(hit);
        }
        // A paragraph that is one link and nothing else points to another story.
        let st = &self.stats[i];
        if n.tag == Tag::P && (20..=150).contains(&st.text) && st.link_density() >= 0.9 && st.images == 0 {
            return Some((Category::Related, Why::Links, Cow::Borrowed("a paragraph that is only a link to another story")));
        }
        if self.is_bio(i, root) {
            return Some((Category::AuthorBio, Why::Shaped, Cow::Borrowed("an author bio (\"… is a writer for …\")")));
        }
        if self.is_teaser_list(i, article_text) {
            return Some((
                Category::Related,
                Why::Shaped,
                Cow::Borrowed("teasers for other articles (a picture, a linked title, an excerpt)"),
            ));
        }
        if self.is_signup_box(i) {
            return Some((
                Category::Newsletter,
                Why::Shaped,
                Cow::Borrowed("a sign-up box (a short pitch and a field for an e-mail address)"),
            ));
        }
        None
    }

    /// A heading whose whole section was removed ("Keep exploring" over a grid of teasers)
    /// goes with it, as what it headed.
    fn orphan_headings(&mut self, first: usize, end: usize, marks: &mut [Mark], removals: &mut Vec<Removal>, dead: &[bool]) {
        for h in first..end {
            if dead[h] || marks[h] != Mark::Keep || !self.nodes[h].tag.is_heading() {
                continue;
            }
            let Some(parent) = self.parent(h) else { continue };
            let (mut section, mut removed_text) = (None, 0);
            let mut j = self.subtree_end(h);
            while j < end && self.nodes[j].parent as usize == parent && !self.nodes[j].tag.is_heading() {
                match marks[j] {
                    Mark::Removed(k) => {
                        section = section.or(Some(removals[k as usize].category));
                        removed_text += self.nodes[j].stats.text;
                    }
                    _ if self.stats[j].text == 0 && self.stats[j].images == 0 => {}
                    _ => {
                        section = None;
                        break;
                    }
                }
                j = self.subtree_end(j);
            }
            // (A section, not the edit link beside a heading.)
            if let Some(category) = section.filter(|&c| self.options.removes(c) && removed_text >= 100) {
                removals.push(Removal {
                    node: h as u32,
                    category,
                    why: Why::InSection,
                    reason: Cow::Borrowed("the heading of a section that was removed"),
                });
                marks[h] = Mark::Removed(removals.len() as u32 - 1);
                self.take_out(h);
            }
        }
    }

    /// Cards in a row that each hold a linked title (or are a linked picture) and little
    /// else: teasers for other articles, whatever their heading or class says — unless they
    /// are most of the article (a listing page, a briefing of stories) or come before the
    /// end of the best-scoring block (a catalogue): teasers follow the story they point away
    /// from.
    fn is_teaser_list(&self, i: usize, article_text: u32) -> bool {
        const MIN_CARDS: usize = 3;
        let st = &self.stats[i];
        let placed = self.story.is_some_and(|best| self.nodes[i].start >= self.nodes[best].end);
        if st.text == 0
            || !placed
            || u64::from(st.text) * 3 >= u64::from(article_text) * 2
            || self.context[i] & ctx::CODE != 0
            || self.live_children[i] < MIN_CARDS as u32
        {
            return false;
        }
        let (mut cards, mut card_text, mut kind) = (0, 0u32, None);
        for j in self.children(i) {
            let c = &self.nodes[j];
            let key = (c.tag, self.summary.class(c));
            if self.is_teaser_card(j, self.subtree_end(j)) && kind.is_none_or(|k| k == key) {
                kind = Some(key);
                cards += 1;
                card_text += self.stats[j].text;
            }
        }
        cards >= MIN_CARDS && u64::from(card_text) * 10 >= u64::from(st.text) * 7
    }

    /// One teaser: a title and a line or two, with a heading that is a link (looked for among its first
    /// elements only: a card is small), or a linked picture with a caption.
    fn is_teaser_card(&self, j: usize, end: usize) -> bool {
        let st = &self.stats[j];
        if st.text > 500 || st.text == 0 || st.link_text == 0 {
            return false;
        }
        if st.images > 0 && st.link_density() >= 0.5 {
            return true;
        }
        (j..end.min(j + 40)).any(|h| {
            let n = &self.nodes[h];
            n.tag.is_heading() && self.stats[h].text > 0 && (self.stats[h].link_density() >= 0.8 || self.context_has_link(h, j))
        })
    }

    /// Whether a link between `top` (excluded) and `h` holds `h`.
    fn context_has_link(&self, h: usize, top: usize) -> bool {
        self.ancestors(h).take_while(|&a| a > top).any(|a| self.nodes[a].tag == Tag::A)
    }

    /// A newsletter box by its shape, whatever its (often hashed) class: a short block with
    /// a field to type into, whose words speak of signing up.
    fn is_signup_box(&self, i: usize) -> bool {
        let st = &self.stats[i];
        if st.inputs == 0 || !(10..=500).contains(&st.text) || self.context[i] & ctx::CODE != 0 {
            return false;
        }
        let text = node_text(self.summary, self.source, i, 300).to_lowercase();
        rules::SIGNUP_WORDS.iter().any(|w| text.contains(w))
    }

    /// `i`'s class and id tokens for the token rules.
    pub(super) fn tokens(&self, i: usize) -> impl Iterator<Item = &'a str> + use<'a> {
        self.hints.tokens(i)
    }

    pub(super) fn token_rule(&self, i: usize, article_text: u32) -> Option<Verdict> {
        let n = &self.nodes[i];
        // Inside code, classes are a highlighter's ("token comment").
        if n.attrs[0] == n.attrs[2] || self.context[i] & ctx::CODE != 0 {
            return None;
        }
        let rule = self.hints.rule(i)?;
        if !rule.in_captions && (self.context[i] & ctx::CAPTION != 0 || matches!(n.tag, Tag::Figcaption | Tag::Caption)) {
            return None;
        }
        if rule.category == Category::Share && self.is_embed(i) {
            return None;
        }
        if rule.links_only && self.stats[i].link_density() < 0.5 {
            return None;
        }
        let content_marked = self.tokens(i).any(rules::is_content_token);
        if content_marked && !rules::FURNITURE_WINS.contains(&rule.category) {
            return None;
        }
        // A block holding most of the article's prose is the article, whatever one of its
        // classes says ("entry-content share-enabled") — unless its classes lean negative
        // on balance ("legal-notice").
        let st = &self.stats[i];
        let prose = st.text.saturating_sub(st.link_text);
        if prose > 200 && u64::from(prose) * 2 >= u64::from(article_text) && self.class_weight(i) >= 0.0 {
            return None;
        }
        Some((rule.category, Why::Named, Cow::Borrowed(rule.reason)))
    }

    /// The start of a label's text, lowercased, if node `i` can be a label: a block of its
    /// own (a block element, or an element standing directly in a container) of at most
    /// `max` characters. Inline pieces of a paragraph are read as part of it, and a child
    /// with the same text as its block parent is read once, as the parent.
    pub(super) fn label_text(&self, i: usize, root: usize, max: u32) -> Option<String> {
        let st = &self.stats[i];
        if st.text < 3 || st.text > max {
            return None;
        }
        let parent = self.parent(i)?;
        let tag = self.nodes[i].tag;
        if !(tag.is_block() || tag.is_heading() || parent == root || self.nodes[parent].tag.is_container()) {
            return None;
        }
        if parent != root && self.nodes[parent].tag.is_block() && self.stats[parent].text == st.text {
            return None;
        }
        let mut text = node_text(self.summary, self.source, i, LABEL_PREFIX);
        text.make_ascii_lowercase();
        // A count before a label is part of it: "15 comments", "3 replies".
        let label = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        Some(if label.len() < text.len() { label.to_string() } else { text })
    }

    pub(super) fn text_rule(&self, i: usize, root: usize) -> Option<Verdict> {
        let longest = rules::TEXT_RULES.iter().map(|r| r.max_len).max().unwrap_or(0);
        let text = self.label_text(i, root, longest)?;
        let st = &self.stats[i];
        let len = st.text;
        let in_caption = self.context[i] & ctx::CAPTION != 0 || matches!(self.nodes[i].tag, Tag::Figcaption | Tag::Caption);
        rules::TEXT_RULES
            .iter()
            .find(|r| {
                len <= r.max_len
                    && st.link_density() >= r.min_link_density
                    && (r.in_captions || !in_caption)
                    && (r.with_images || st.images == 0)
                    && r.phrases.iter().any(|p| rules::opens_with(&text, p))
            })
            .map(|r| (r.category, Why::Worded, Cow::Borrowed(r.reason)))
    }

    /// After a clutter label that heads a section ("Related articles"), the rest of the
    /// section: the label's link-heavy container, or its link-heavy following siblings.
    pub(super) fn section_after_label(&self, i: usize, root: usize, marks: &[Mark]) -> Option<Vec<usize>> {
        let Some(Mark::Removed(_)) = marks.get(i) else { return None };
        let n = &self.nodes[i];
        let text = self.label_text(i, root, 60)?;
        // "See also:" alone heads a list; "See also: New Zealand place names" is the whole
        // of it (a hatnote), and what follows is the article again.
        let heads = rules::TEXT_RULES.iter().any(|r| {
            r.heads_section
                && r.phrases.iter().any(|p| rules::opens_with(&text, p) && (!p.ends_with(':') || text[p.len()..].trim().is_empty()))
        });
        if !heads {
            return None;
        }
        let parent = self.parent(i)?;
        let mut extra = vec![];
        let parent_is_section = parent != root && {
            let ps = &self.stats[parent];
            ps.link_density() > 0.25 || ps.text < n.stats.text + 200
        };
        if parent_is_section && !matches!(self.nodes[parent].tag, Tag::Body | Tag::Html) {
            // The label's container goes with it: report the container.
            for (j, mark) in marks.iter().enumerate().take(self.subtree_end(parent)).skip(i + 1) {
                if self.nodes[j].parent as usize == parent && *mark == Mark::Keep {
                    extra.push(j);
                }
            }
            return Some(extra);
        }
        let mut j = self.subtree_end(i);
        while j < self.nodes.len() && self.nodes[j].parent as usize == parent {
            let s = &self.nodes[j];
            let st = &self.stats[j];
            if s.tag.is_heading() || marks[j] != Mark::Keep {
                break;
            }
            if st.link_density() > 0.25 || matches!(s.tag, Tag::Ul | Tag::Ol) || st.text < 200 {
                extra.push(j);
            } else {
                break;
            }
            j = self.subtree_end(j);
        }
        Some(extra)
    }

    /// Prose outweighs a name: paragraphs or list items of unlinked text. (A gallery's
    /// captions are not: their items hold pictures.)
    fn is_prose(&self, i: usize) -> bool {
        let st = &self.stats[i];
        st.text.saturating_sub(st.link_text) >= 200
            && st.link_density() < 0.25
            && (st.paragraphs >= 2 || (st.list_items >= 3 && st.images == 0))
    }

    pub(super) fn is_bio(&self, i: usize, root: usize) -> bool {
        let n = &self.nodes[i];
        let st = &self.stats[i];
        if !(60..=800).contains(&st.text) || !matches!(n.tag, Tag::P | Tag::Div | Tag::Section | Tag::Aside | Tag::Span | Tag::Footer) {
            return false;
        }
        let text = node_text(self.summary, self.source, i, 160);
        let Some(name) = bio_subject(&text) else { return false };
        // Bios close an article; one that opens it is a profile, unless it names the
        // page's own author ("Anurag is an experienced journalist…" under the byline).
        let author = self.author.is_some_and(|a| a.split([',', ' ']).next().is_some_and(|first| name.starts_with(first)));
        let r = &self.nodes[root];
        let span = u64::from(r.end.saturating_sub(r.start)).max(1);
        author || u64::from(n.start.saturating_sub(r.start)) * 2 >= span
    }

    /// Readability's `_cleanConditionally`: forms, tables, lists and divs that look like
    /// boilerplate by their shape.
    pub(super) fn clean_conditionally(&self, i: usize) -> Option<(Why, Cow<'static, str>)> {
        let n = &self.nodes[i];
        // Cells of a layout table are containers like divs.
        let within = self.context[i];
        let layout_cell = matches!(n.tag, Tag::Td | Tag::Th) && within & ctx::TABLE != 0 && within & ctx::NEAREST_TABLE_IS_DATA == 0;
        if !matches!(n.tag, Tag::Form | Tag::Fieldset | Tag::Table | Tag::Ul | Tag::Ol | Tag::Div) && !layout_cell {
            return None;
        }
        if n.tag == Tag::Table && is_data_table(n) {
            return None;
        }
        // Code, data tables and embedded posts are content whatever their shape.
        if within & (ctx::CODE | ctx::DATA_TABLE) != 0 || self.is_embed(i) {
            return None;
        }
        // The class alone, as Readability weighs it here: a list's own tag score (-3) made
        // every plain `<ul>` look like furniture.
        let weight = self.class_weight(i);
        // An image's wrapper ("media__image") is the picture, whatever its class says.
        let st = &self.stats[i];
        let image_block = st.images > 0 && (within & ctx::FIGURE != 0 || st.text < 100) && st.link_density() < 0.5;
        if weight < 0.0 && !image_block && !self.is_prose(i) {
            return Some((Why::Named, Cow::Borrowed("marked as page furniture by its class")));
        }
        let st = &self.stats[i];
        if st.commas >= 10 || st.code_blocks > 0 {
            return None;
        }
        let is_list = matches!(n.tag, Tag::Ul | Tag::Ol);
        let p = f64::from(st.paragraphs);
        let img = f64::from(st.images);
        let li = f64::from(st.list_items) - 100.0;
        let input = f64::from(st.inputs);
        let heading_density = if st.text == 0 { 0.0 } else { f64::from(st.heading_text) / f64::from(st.text) };
        let in_figure = within & ctx::FIGURE != 0;
        let ld = st.link_density();
        let len = st.text;
        let embeds = st.embeds;
        let why: Option<(Why, &'static str)> = if img > 1.0 && p / img < 0.5 && !in_figure {
            Some((Why::Shaped, "more images than paragraphs"))
        } else if !is_list && li > p {
            Some((Why::Shaped, "more list items than paragraphs"))
        } else if input > (p / 3.0).floor() && !(is_list && f64::from(st.text) >= 20.0 * input) {
            // (A list with a box to tick per item is a checklist, not a form.)
            Some((Why::Shaped, "a form: more inputs than paragraphs"))
        } else if !is_list && heading_density < 0.9 && len < 25 && (img == 0.0 || img > 2.0) && !in_figure {
            Some((Why::Short, "almost no text"))
        } else if (!is_list && weight < 25.0 && ld > 0.2) || (weight >= 25.0 && ld > 0.5) {
            Some((Why::Links, "mostly links"))
        } else if (embeds == 1 && len < 75) || embeds > 1 {
            Some((Why::Shaped, "an embed with little text"))
        } else {
            None
        };
        // A list of images (a gallery) stays.
        if why.is_some() && is_list && st.images > 0 && st.images == st.list_items {
            return None;
        }
        why.map(|(why, reason)| (why, Cow::Borrowed(reason)))
    }
}

/// Whom a bio sentence is about: "Ann Lee" in "Ann Lee is a news writer for …" (a
/// capitalized name, a linking verb, a writer's role).
pub fn bio_subject(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    rules::BIO_VERBS.iter().find_map(|verb| {
        let at = lower.find(verb)?;
        // Lowercasing can change byte lengths outside ASCII: no name then.
        let name = text.get(..at)?;
        let words: Vec<&str> = name.split_whitespace().collect();
        let named = (1..=5).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let after: String = lower[at + verb.len()..].chars().take(80).collect();
        (named && rules::BIO_ROLES.iter().any(|r| after.contains(r))).then_some(name.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bios() {
        assert_eq!(bio_subject("Lisa Holden is a news writer for LinkDaddy News. She writes health, sport, tech."), Some("Lisa Holden"));
        assert_eq!(bio_subject("Charles Rollet is a senior reporter at TechCrunch. His investigative reporting…"), Some("Charles Rollet"));
        assert_eq!(bio_subject("The company is a major employer for the region, a reporter said."), None);
    }
}
