//! The reads: views over several kinds of record at once, as the screens ask for
//! them. Search, and the person page. They write nothing but their audit line.

pub mod person_page;
pub mod search;
