//! Nomor Induk Pegawai: 18 digits that encode a birth date, the TMT CPNS month, the sex and a
//! sequence number. A PPPK number (NI PPPK) shares the length, the birth date, the sex digit and
//! the sequence; its digits 9-14 hold the year of appointment and a code instead of a month.

use chrono::{Datelike, NaiveDate};
use std::fmt;

use crate::org::EmploymentType;

/// A validated 18-digit employee number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip(String);

/// Which part of a NIP is wrong; the message says it in Bahasa Indonesia.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    #[error("NIP harus 18 digit angka (diterima {0} karakter)")]
    Length(usize),
    #[error("NIP hanya boleh berisi angka")]
    NotDigits,
    #[error("tanggal lahir pada NIP (digit 1-8, {0}) bukan tanggal yang valid")]
    BirthDate(String),
    #[error("TMT CPNS pada NIP (digit 9-14, {0}) bukan bulan yang valid")]
    TmtCpns(String),
    #[error("TMT CPNS pada NIP ({tmt}) tidak boleh sebelum tahun lahir ({birth_year})")]
    TmtBeforeBirth { tmt: String, birth_year: i32 },
    #[error("kode jenis kelamin pada NIP (digit 15) harus 1 (pria) atau 2 (wanita), bukan {0}")]
    Sex(char),
    #[error("nomor urut pada NIP (digit 16-18) tidak boleh 000")]
    Sequence,
}

impl Nip {
    /// Parses a PNS NIP: every part must be real.
    pub fn parse(raw: &str) -> Result<Self, NipError> {
        Self::parse_for(raw, EmploymentType::Pns)
    }

    /// Parses an employee number by employment type: a PNS NIP checks every part, a PPPK
    /// number its length, birth date, sex digit and sequence. The spaces and dots people type to
    /// group the digits (`19850310 201001 1 002`, `19850310.201001.1.002`) are dropped first.
    pub fn parse_for(raw: &str, kind: EmploymentType) -> Result<Self, NipError> {
        let plain = Self::ungrouped(raw);
        let s = plain.as_str();
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(NipError::NotDigits);
        }
        if s.len() != 18 {
            return Err(NipError::Length(s.chars().count()));
        }
        let birth = &s[0..8];
        let birth_date = NaiveDate::parse_from_str(birth, "%Y%m%d")
            .ok()
            .filter(|d| d.year() >= 1900)
            .ok_or_else(|| NipError::BirthDate(birth.to_owned()))?;
        let sex = s.as_bytes()[14] as char;
        if sex != '1' && sex != '2' {
            return Err(NipError::Sex(sex));
        }
        if &s[15..18] == "000" {
            return Err(NipError::Sequence);
        }
        if kind == EmploymentType::Pns {
            let tmt = &s[8..14];
            let tmt_date = NaiveDate::parse_from_str(&format!("{tmt}01"), "%Y%m%d")
                .ok()
                .filter(|d| d.year() >= 1900)
                .ok_or_else(|| NipError::TmtCpns(tmt.to_owned()))?;
            if tmt_date.year() < birth_date.year() {
                return Err(NipError::TmtBeforeBirth { tmt: tmt.to_owned(), birth_year: birth_date.year() });
            }
        }
        Ok(Self(s.to_owned()))
    }

    /// A NIP as typed without the spaces and dots that group its digits: how a typed NIP is looked
    /// up and compared everywhere (a form, an import's `supervisor_nip`, a search).
    pub fn ungrouped(raw: &str) -> String {
        raw.chars().filter(|c| !c.is_whitespace() && *c != '.').collect()
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The sex encoded in digit 15 (1: laki-laki, 2: perempuan).
    pub fn sex(&self) -> Option<crate::org::Sex> {
        match self.0.as_bytes().get(14) {
            Some(b'1') => Some(crate::org::Sex::L),
            Some(b'2') => Some(crate::org::Sex::P),
            _ => None,
        }
    }

    /// The birth date encoded in the first eight digits.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(&self.0[0..8], "%Y%m%d").ok()
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_real_nip() {
        let nip = Nip::parse("198503102010011002").unwrap();
        assert_eq!(nip.birth_date(), NaiveDate::from_ymd_opt(1985, 3, 10));
        assert!(Nip::parse(" 199001012015032001 ").is_ok());
        assert_eq!(Nip::parse("19850310 201001 1 002").unwrap().as_str(), "198503102010011002");
        assert_eq!(Nip::parse("19850310.201001.1.002").unwrap().as_str(), "198503102010011002");
        assert_eq!(Nip::parse("19850310\u{a0}201001 1 002").unwrap().as_str(), "198503102010011002");
    }

    #[test]
    fn names_the_wrong_part() {
        assert_eq!(Nip::parse("19850310201001100"), Err(NipError::Length(17)));
        assert_eq!(Nip::parse("19850310201001100a"), Err(NipError::NotDigits));
        assert_eq!(Nip::parse("198502302010011002"), Err(NipError::BirthDate("19850230".into())));
        assert_eq!(Nip::parse("198503102010131002"), Err(NipError::TmtCpns("201013".into())));
        assert_eq!(Nip::parse("198503102010013002"), Err(NipError::Sex('3')));
        assert_eq!(Nip::parse("198503102010010002"), Err(NipError::Sex('0')));
        assert_eq!(Nip::parse("198503102010011000"), Err(NipError::Sequence));
        assert!(matches!(Nip::parse("198503101980011002"), Err(NipError::TmtBeforeBirth { .. })));
    }

    #[test]
    fn pppk_needs_length_birth_date_sex_and_sequence() {
        assert!(Nip::parse_for("198503102021211001", EmploymentType::Pppk).is_ok());
        assert!(Nip::parse("198503102021211001").is_err(), "not a PNS NIP: 2021-21 is no month");
        assert_eq!(Nip::parse_for("198503102021219001", EmploymentType::Pppk), Err(NipError::Sex('9')));
        assert_eq!(Nip::parse_for("198503102021211000", EmploymentType::Pppk), Err(NipError::Sequence));
        assert_eq!(
            Nip::parse_for("198513102021219001", EmploymentType::Pppk),
            Err(NipError::BirthDate("19851310".into()))
        );
    }
}
