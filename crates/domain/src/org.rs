//! The organisation vocabulary: kinds of unit, of position and of employment.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "sea-orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "sea-orm", sea_orm(rs_type = "String", db_type = "Text"))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $(#[cfg_attr(feature = "sea-orm", sea_orm(string_value = $text))] $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire and database spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim() {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!(
                        "'{other}' tidak dikenal; pilih salah satu: {}",
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// The level of a unit in the Pemda tree.
    UnitKind { Pemda => "pemda", Opd => "opd", Bidang => "bidang", Seksi => "seksi", Upt => "upt" }
}

vocabulary! {
    /// The kind of position (jabatan).
    PositionKind {
        Jpt => "jpt",
        Administrator => "administrator",
        Pengawas => "pengawas",
        Pelaksana => "pelaksana",
        Fungsional => "fungsional",
    }
}

vocabulary! {
    /// PNS or PPPK: decides how strictly the employee number is checked.
    EmploymentType { Pns => "pns", Pppk => "pppk" }
}

vocabulary! {
    /// Sex as the personnel record and digit 15 of the NIP hold it: laki-laki (1), perempuan (2);
    /// written `l` and `p` like every word of the vocabulary (shown as L and P).
    Sex { L => "l", P => "p" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_same_words() {
        for kind in UnitKind::ALL {
            assert_eq!(kind.as_str().parse::<UnitKind>(), Ok(*kind));
        }
        let err = "dinas".parse::<UnitKind>().unwrap_err();
        assert!(err.contains("pemda, opd, bidang, seksi, upt"), "{err}");
        assert_eq!(serde_json::to_string(&PositionKind::Jpt).unwrap(), "\"jpt\"");
    }
}
