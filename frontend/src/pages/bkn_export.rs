//! Ekspor ke BKN e-Kinerja (BKPSDM, on the data-quality page): choose an OPD and a year, check
//! what the export would hold and which records a blocking defect holds back (each with the
//! defect), then download it as a file or, where the Pemda's bridge is configured, send it after
//! a confirmation. Each export below shows its reconciliation figures, its file and its report.

use crate::api;
use crate::components::{Confirm, DownloadButton, ErrorBanner, Export, ExportButtons, FileSource, Loader, PagedTable};
use crate::format;
use crate::hooks::use_write;
use crate::i18n::use_i18n;
use kinerja_types::{BknCounts, BknExport, BknPreview, NewBknExport};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BknExportsProps {
    /// The OPDs to choose from: (unit id, name).
    pub opds: Vec<(i64, String)>,
}

#[component]
pub fn BknExports(props: &BknExportsProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let unit = use_state(|| props.opds.first().map(|o| o.0));
    let year = use_state(format::current_year);
    let preview = use_state(|| None::<BknPreview>);
    // The check of a push (what would be sent), asked when "Kirim" is pressed: its count goes in the
    // confirmation.
    let confirming = use_state(|| None::<BknPreview>);
    let refresh = use_state(|| 0u32);
    let body = |push: bool| unit.map(|unit_id| NewBknExport { unit_id, year: *year, push });
    let check = {
        let preview = preview.clone();
        let run = write.action(api::bkn::preview, move |p: BknPreview| preview.set(Some(p)));
        let body = body(false);
        Callback::from(move |_: MouseEvent| {
            if let Some(b) = body.clone() {
                run.emit(b)
            }
        })
    };
    let done = {
        let (preview, confirming, refresh) = (preview.clone(), confirming.clone(), refresh.clone());
        move |_: BknExport| {
            preview.set(None);
            confirming.set(None);
            refresh.set(*refresh + 1);
        }
    };
    let export = write.action(api::bkn::create, done);
    let as_file = {
        let (export, body) = (export.clone(), body(false));
        Callback::from(move |_: MouseEvent| {
            if let Some(b) = body.clone() {
                export.emit(b)
            }
        })
    };
    let push = {
        let (export, body) = (export.clone(), body(true));
        Callback::from(move |()| {
            if let Some(b) = body.clone() {
                export.emit(b)
            }
        })
    };
    let ask_push = {
        let confirming = confirming.clone();
        let run = write.action(api::bkn::preview, move |p: BknPreview| confirming.set(Some(p)));
        let body = body(true);
        Callback::from(move |_: MouseEvent| {
            if let Some(b) = body.clone() {
                run.emit(b)
            }
        })
    };
    let on_unit = {
        let (unit, preview, confirming) = (unit.clone(), preview.clone(), confirming.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            unit.set(v.parse().ok());
            preview.set(None);
            confirming.set(None);
        })
    };
    let on_year = {
        let (year, preview, confirming) = (year.clone(), preview.clone(), confirming.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Ok(y) = v.parse() {
                year.set(y);
                preview.set(None);
                confirming.set(None);
            }
        })
    };
    let this_year = format::current_year();
    let head = html! {
        <>
            <th scope="col">{ i18n.t("bkn.export") }</th>
            <th scope="col">{ i18n.t("bkn.figures") }</th>
            <th scope="col"><span class="sr-only">{ i18n.t("bkn.files") }</span></th>
        </>
    };
    let load = Loader::new(api::bkn::list);
    html! {
        <section class="panel" id="bkn-export">
            <h2>{ i18n.t("bkn.title") }</h2>
            <p class="muted">{ i18n.t("bkn.lead") }</p>
            <div class="toolbar">
                <label class="field">
                    <span class="field-label">{ i18n.t("bkn.opd") }</span>
                    <select id="bkn-opd" onchange={on_unit}>
                        { for props.opds.iter().map(|(id, name)| html! {
                            <option value={id.to_string()} selected={*unit == Some(*id)}>{ name.clone() }</option>
                        }) }
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{ i18n.t("bkn.year") }</span>
                    <select id="bkn-year" onchange={on_year}>
                        { for (this_year - 2..=this_year).rev().map(|y| html! {
                            <option value={y.to_string()} selected={*year == y}>{ y }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="button-primary" onclick={check} disabled={write.busy || unit.is_none()}>
                    { i18n.t("bkn.check") }
                </button>
            </div>
            <ErrorBanner error={write.error.clone()} />
            if let Some(p) = (*preview).clone() {
                <div class="bkn-preview" role="status">
                    <p>{ i18n.tf("bkn.preview", &[("records", &p.counts.records.to_string()), ("blocked", &p.counts.blocked.to_string()), ("version", &p.mapping_version)]) }</p>
                    if !p.blocked.is_empty() {
                        <h3>{ i18n.t("bkn.blocked") }</h3>
                        <ul class="bkn-blocked">
                            { for p.blocked.iter().map(|r| html! {
                                <li>
                                    <strong>{ format!("{} ({})", r.name, r.nip) }</strong>{ " · " }{ i18n.t(&format!("bkn_kind.{}", r.kind)) }
                                    <div class="small">{ r.reason.clone().unwrap_or_default() }</div>
                                </li>
                            }) }
                        </ul>
                    }
                    <div class="actions">
                        <button type="button" class="button-quiet" onclick={as_file} disabled={write.busy}>{ i18n.t("bkn.as_file") }</button>
                        if p.bridge {
                            if let Some(check) = (*confirming).clone() {
                                <Confirm text={i18n.tf("bkn.push_confirm", &[("n", &check.counts.sent.to_string()), ("skipped", &check.counts.skipped.to_string())])}
                                    confirm_label={i18n.t("bkn.push_yes")} on_confirm={push}
                                    on_cancel={let c = confirming.clone(); Callback::from(move |()| c.set(None))} busy={write.busy} />
                            } else {
                                <button type="button" class="button-primary" disabled={write.busy}
                                    onclick={ask_push}>{ i18n.t("bkn.push") }</button>
                            }
                        } else {
                            <span class="muted small">{ i18n.t("bkn.no_bridge") }</span>
                        }
                    </div>
                </div>
            }
            <PagedTable<BknExport> {load} per_page={10} {head} class="bkn-exports" refresh={*refresh}
                row={Callback::from(|e: BknExport| html! { <ExportRow export={e} /> })}
                empty={i18n.t("bkn.none").to_owned()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ExportRowProps {
    export: BknExport,
}

/// An export: which, when, its figures, its file and report.
#[component]
fn ExportRow(props: &ExportRowProps) -> Html {
    let i18n = use_i18n();
    let e = &props.export;
    let c: &BknCounts = &e.counts;
    let id = e.id;
    let file = FileSource::new(move || api::bkn::file(id));
    let report = Export::new(move |format| api::bkn::report(id, format));
    let mode = i18n.t(&format!("bkn_mode.{}", e.mode)).to_owned();
    html! {
        <tr data-export={e.id.to_string()}>
            <td>
                <strong>{ format!("{} {}", e.unit_name, e.year) }</strong>
                <div class="muted small">{ format!("{mode} · {} · {}", format::instant(&e.created_at, i18n.lang()), e.created_by) }</div>
            </td>
            <td class="small">
                { i18n.tf("bkn.figures_line", &[
                    ("records", &c.records.to_string()), ("new", &c.new.to_string()), ("changed", &c.changed.to_string()),
                    ("unchanged", &c.unchanged.to_string()), ("removed", &c.removed.to_string()), ("failed", &c.failed.to_string()),
                    ("blocked", &c.blocked.to_string()), ("sent", &c.sent.to_string()), ("accepted", &c.accepted.to_string()),
                    ("rejected", &c.rejected.to_string()), ("skipped", &c.skipped.to_string()), ("exported", &c.exported.to_string()),
                ]) }
            </td>
            <td class="actions">
                <DownloadButton source={file} fallback_name={format!("bkn-{id}.json")} label={i18n.t("bkn.file").to_owned()} />
                <ExportButtons export={report} name={format!("rekonsiliasi-bkn-{id}")} />
            </td>
        </tr>
    }
}
