"""The words of the public site, in Indonesian (the site's language) and English (under en/).

:func:`t` gives a text by key and language; ``{name}`` fields are filled from keyword
arguments. Status words follow :class:`recap_app.core.certificate.Status` and the window's
English translation.
"""

from __future__ import annotations

#: key -> (Indonesian, English)
TEXTS: dict[str, tuple[str, str]] = {
    "lang_name": ("Bahasa Indonesia", "English"),
    "other_lang": ("English", "Bahasa Indonesia"),
    "home": ("Beranda", "Home"),
    "check": ("Cara memeriksa", "How to check"),
    "data": ("Unduh data", "Download data"),
    "province_recap": ("Rekapitulasi hasil penghitungan suara tingkat provinsi {province}",
                       "{province}: province recapitulation of the vote count"),
    "data_as_of": ("Data per {time} (WIB = UTC+7), catatan audit #{id}.",
                   "Data as of {time} (WIB = UTC+7), audit record #{id}."),
    "no_data_yet": ("Belum ada data.", "No data yet."),
    "received_adopted": ("{received} dari {expected} kabupaten/kota diterima; {adopted} ditetapkan.",
                         "{received} of {expected} regencies/cities received; {adopted} adopted."),
    "provisional": ("Angka sementara: belum semua sertifikat kabupaten/kota ditetapkan dalam rapat pleno. "
                    "Angka dapat berubah sampai semuanya ditetapkan.",
                    "Provisional figures: not every regency certificate has been adopted in its plenary yet. "
                    "Figures may change until all are adopted."),
    "final": ("Semua sertifikat kabupaten/kota telah ditetapkan.", "Every regency certificate has been adopted."),
    "legal": ("Hasil yang sah adalah rekapitulasi manual berjenjang yang ditetapkan dalam rapat pleno terbuka. "
              "Halaman ini menyalin sertifikat yang diterima {office} dan dapat diperiksa terhadap sertifikat "
              "kertas yang ditandatangani.",
              "The legal result is the manual tiered recapitulation adopted in open plenary meetings. This site "
              "copies the certificates {office} has received and can be checked against the signed paper "
              "certificates."),
    "votes": ("Perolehan suara", "Votes"),
    "votes_of": ("Perolehan suara {what}", "Votes, {what}"),
    "share": ("Persentase", "Share"),
    "nomor": ("No.", "No."),
    "contestant": ("Peserta", "Contestant"),
    "paslon": ("Pasangan calon", "Candidate pair"),
    "partai": ("Partai politik", "Political party"),
    "perseorangan": ("Calon perseorangan", "Individual candidate"),
    "suara": ("Suara", "Votes"),
    "summary": ("Ringkasan", "Summary"),
    "figure": ("Isian", "Item"),
    "value": ("Angka", "Figure"),
    "blank_note": ("– berarti kosong (belum diisi di sertifikat), bukan nol.",
                   "– means blank (not filled in on the certificate), not zero."),
    "chart_share": ("Grafik persentase suara sah", "Chart of the share of valid votes"),
    "chart_scaled": ("Batang terpanjang adalah persentase terbesar; angka di kanan adalah suara dan persentase "
                     "suara sah.", "The longest bar is the largest share; the figures on the right are the votes and "
                     "the share of valid votes."),
    "chart_regencies": ("Persentase suara tiap kabupaten/kota", "Share of the votes in each regency/city"),
    "chart_note": ("Setiap batang adalah satu kabupaten/kota; garis tengah menandai 50%.",
                   "Each bar is one regency/city; the middle line marks 50%."),
    "regencies": ("Kabupaten/kota", "Regencies and cities"),
    "regency": ("Kabupaten/kota", "Regency/city"),
    "kode": ("Kode", "Code"),
    "status": ("Status", "Status"),
    "revision": ("Revisi", "Revision"),
    "open_findings": ("Temuan terbuka", "Open findings"),
    "errors_warnings": ("{e} kesalahan, {w} peringatan", "{e} errors, {w} warnings"),
    "not_checked": ("belum diperiksa", "not checked"),
    "suara_sah": ("Suara sah", "Valid votes"),
    "kecamatan": ("Kecamatan", "District"),
    "kecamatan_figures": ("Angka per kecamatan", "Figures per district (kecamatan)"),
    "jumlah_certified": ("Jumlah (sebagaimana disertifikasi)", "Total (as certified)"),
    "column_sum": ("Penjumlahan kolom kecamatan", "Sum of the district columns"),
    "column_sum_note": ("Baris ini berbeda dari kolom Jumlah yang disertifikasi (temuan F.501); provinsi "
                        "menjumlahkan kolom Jumlah sebagaimana ditetapkan kabupaten/kota, tidak pernah "
                        "membetulkannya diam-diam.",
                        "This row differs from the certified Total column (finding F.501); the province adds up "
                        "the Total column as the regency adopted it and never corrects it silently."),
    "unknown_column": ("kode tidak dikenal", "unknown code"),
    "all_fields": ("Semua isian sertifikat (kolom Jumlah)", "Every item of the certificate (Total column)"),
    "history": ("Riwayat sertifikat", "History of the certificate"),
    "revisions": ("Revisi", "Revisions"),
    "time": ("Waktu", "Time"),
    "reason": ("Alasan", "Reason"),
    "content_sha": ("SHA-256 isi", "Content SHA-256"),
    "source_sha": ("SHA-256 berkas sumber", "Source file SHA-256"),
    "typed": ("diketik", "typed"),
    "event": ("Peristiwa", "Event"),
    "adoption": ("Penetapan", "Adoption"),
    "adopted_at": ("Ditetapkan pada {time} (revisi {revision}).", "Adopted on {time} (revision {revision})."),
    "not_adopted": ("Belum ditetapkan.", "Not adopted yet."),
    "not_received": ("Sertifikat belum diterima.", "The certificate has not been received."),
    "latest_revision": ("Revisi terakhir (ke-{n}): {time}.", "Latest revision (no. {n}): {time}."),
    "findings_list": ("Temuan yang belum diselesaikan", "Findings not yet resolved"),
    "no_findings": ("Tidak ada temuan terbuka.", "No open findings."),
    "code": ("Kode", "Code"),
    "column": ("Kolom", "Column"),
    "message": ("Keterangan", "Description"),
    "findings_note": ("Keterangan temuan ditulis dalam bahasa Indonesia oleh program pemeriksa.",
                      "Findings are described in Indonesian by the checking program."),
    "bytes": ("bita", "bytes"),
    "data_files": ("Data halaman ini", "Data of this page"),
    "dapil": ("Daerah pemilihan (dapil)", "Electoral districts (dapil)"),
    "dapil_one": ("Dapil", "District"),
    "kursi": ("Kursi", "Seats"),
    "kursi_n": ("{n} kursi", "{n} seats"),
    "dapil_regencies": ("Kabupaten/kota di dapil ini", "Regencies and cities in this district"),
    "in_dapil": ("Termasuk {dapil}.", "Part of {dapil}."),
    "received_n": ("{received} dari {expected} sertifikat diterima.", "{received} of {expected} certificates received."),
    "verify_box": ("Periksa keaslian", "Check authenticity"),
    "key_fp": ("Sidik kunci kantor (Ed25519)", "Office key fingerprint (Ed25519)"),
    "chain_head": ("Kepala rantai audit", "Audit chain head"),
    "data_fp": ("Sidik data sertifikat provinsi (SHA-256)", "Data fingerprint of the province certificate (SHA-256)"),
    "data_fp_note": ("16 angka pertama tercetak di kaki setiap halaman sertifikat kertas ({form}).",
                     "The first 16 digits are printed in the footer of every page of the paper certificate ({form})."),
    "no_data_fp": ("belum ada sertifikat provinsi tercetak untuk pemilihan ini",
                   "no printed province certificate for this contest yet"),
    "how_to_check_link": ("Cara memeriksa situs ini", "How to check this site"),
    "manifest": ("Manifes bertanda tangan", "Signed manifest"),
    "made_by": ("Dibuat dengan recap_app {version}. Berkas statis: tidak ada yang dimuat dari luar situs ini.",
                "Made with recap_app {version}. Static files: nothing is loaded from outside this site."),
    "files": ("Berkas", "Files"),
    "format": ("Bentuk", "Format"),
    "what": ("Isi", "Content"),
    "province_data": ("Provinsi (semua kabupaten/kota, jumlah provinsi)",
                      "Province (every regency/city, province total)"),
    "data_intro": ("Data yang sama dengan halaman-halaman situs ini, untuk wartawan, pemantau dan siapa saja. "
                   "Nama berkas memuat sidik isinya, sehingga berkas lama tidak pernah berubah; daftar berkas "
                   "terbaru ada di manifest.json.",
                   "The same data as the pages of this site, for journalists, watchdogs and anyone. File names carry "
                   "a fingerprint of their content, so an old file never changes; the list of the newest files is "
                   "in manifest.json."),
    "schema": ("Susunan data", "Data layout"),
    "schema_intro": ("JSON (UTF-8) dan CSV (UTF-8, koma, baris pertama judul kolom). Setiap isian sertifikat "
                     "memakai kunci tetap; kosong ditulis null (JSON) atau sel kosong (CSV), bukan 0.",
                     "JSON (UTF-8) and CSV (UTF-8, comma, first row the column names). Every item of the certificate "
                     "has a fixed key; blank is written null (JSON) or an empty cell (CSV), never 0."),
    "key": ("Kunci", "Key"),
    "meaning": ("Arti", "Meaning"),
    "csv_cols": ("Kolom CSV: tanda (CONTOH/SIMULASI, kosong untuk data sungguhan), kode, nama, tingkat "
                 "(kabupaten_kota, kecamatan, jumlah, provinsi, dapil), status, revisi, ditetapkan, lalu satu kolom "
                 "per isian.",
                 "CSV columns: tanda (mark: CONTOH/SIMULASI, empty for real data), kode, nama, tingkat (level: "
                 "kabupaten_kota, kecamatan, jumlah, provinsi, dapil), status, revisi (revision), ditetapkan "
                 "(adopted), then one column per item."),
    "check_title": ("Cara memeriksa situs ini", "How to check this site"),
    "check_intro": ("Setiap berkas situs ini tercatat dengan sidik SHA-256-nya di manifest.json, dan manifest itu "
                    "ditandatangani dengan kunci Ed25519 {office} (manifest.sig). Siapa pun dapat memastikan bahwa "
                    "tidak ada satu angka pun yang diubah setelah diterbitkan.",
                    "Every file of this site is listed with its SHA-256 fingerprint in manifest.json, and that "
                    "manifest is signed with the Ed25519 key of {office} (manifest.sig). Anyone can make sure that "
                    "not a single figure was changed after publication."),
    "step_key": ("Cocokkan sidik kunci kantor di bawah ini dengan sidik yang diumumkan {office} sendiri "
                 "(papan pengumuman, surat resmi, telepon). Kunci di situs ini saja tidak cukup: siapa pun yang "
                 "mengubah situs dapat juga mengganti kuncinya.",
                 "Compare the office key fingerprint below with the one {office} announces itself (notice board, "
                 "official letter, telephone). The key on this site alone is not enough: whoever changes the site "
                 "could replace the key too."),
    "step_download": ("Unduh seluruh folder situs (misalnya dengan wget --mirror, rclone atau dari arsip).",
                      "Download the whole folder of the site (for example with wget --mirror, rclone or from an archive)."),
    "step_recap": ("Dengan recap_app: perintah di bawah memeriksa tanda tangan dan setiap berkas; ia keluar dengan "
                   "status 0 hanya bila semuanya cocok dan menyebut setiap berkas yang berbeda, hilang atau tambahan.",
                   "With recap_app: the command below checks the signature and every file; it exits with status 0 "
                   "only when everything holds and names every file that differs, is missing or is extra."),
    "step_tools": ("Tanpa recap_app, dengan alat baku (OpenSSL 3 dan coreutils):",
                   "Without recap_app, with standard tools (OpenSSL 3 and coreutils):"),
    "step_tools_note": ("Perintah pertama memeriksa tanda tangan manifest dengan kunci publik kantor; yang kedua "
                        "memeriksa setiap berkas terhadap daftar SHA256SUMS, yang tercatat di manifest. Cocokkan "
                        "juga sidik kunci-publik.pem dengan sidik yang diumumkan.",
                        "The first command checks the manifest's signature with the office's public key; the second "
                        "checks every file against the SHA256SUMS list, which the manifest lists. Compare the "
                        "fingerprint of kunci-publik.pem with the announced one as well."),
    "step_paper": ("Bandingkan angka dengan sertifikat kertas yang ditandatangani dalam rapat pleno, dan sidik data "
                   "di beranda dengan yang tercetak di kaki halaman sertifikat provinsi.",
                   "Compare the figures with the paper certificate signed in the plenary, and the data fingerprint "
                   "on the home page with the one printed in the footer of the province certificate."),
    "step_chain": ("Kepala rantai audit (nomor dan hash catatan audit terakhir yang mengubah data) mengikat "
                   "terbitan ini pada log audit kantor: kantor dapat menunjukkan catatan itu di log-nya.",
                   "The audit chain head (number and hash of the last audit record that changed the data) ties this "
                   "publication to the office's audit log: the office can show that record in its log."),
    "public_key": ("Kunci publik kantor", "Office public key"),
    "marked_site": ("Situs ini diterbitkan dari ruang kerja bertanda {marks}: angkanya bukan hasil resmi.",
                    "This site was published from a workspace marked {marks}: its figures are not an official result."),
}

#: certificate status (certificate.Status value) -> (Indonesian, English)
STATUS = {
    "belum masuk": ("belum masuk", "not received"),
    "draf": ("draf", "draft"),
    "ada kesalahan": ("ada kesalahan", "has errors"),
    "ada peringatan": ("ada peringatan", "has warnings"),
    "sesuai": ("sesuai", "consistent"),
    "ditetapkan": ("ditetapkan", "adopted"),
}

#: audit action of a certificate event -> (Indonesian, English)
EVENTS = {
    "certificate.adopt": ("Ditetapkan", "Adopted"),
    "certificate.reopen": ("Dibuka kembali", "Reopened"),
    "bundle.adoption": ("Ditetapkan (diterima lewat bundel)", "Adopted (received in a bundle)"),
    "bundle.conflict_resolve": ("Konflik bundel diputuskan", "Bundle conflict decided"),
    "double_entry.resolve": ("Entri ganda diputuskan", "Double entry decided"),
    "double_entry.send_back": ("Entri kedua dikembalikan", "Second entry sent back"),
}


def t(lang: str, key: str, **fields) -> str:
    """The text ``key`` in ``lang`` ("id" or "en") with its {fields} filled in. KeyError for an unknown key."""
    text = TEXTS[key][1 if lang == "en" else 0]
    return text.format(**fields) if fields else text


def status_word(status: str, lang: str) -> str:
    """A certificate status in the site's words ("ada peringatan" / "has warnings")."""
    pair = STATUS.get(status, (status, status))
    return pair[1 if lang == "en" else 0]


def event_word(action: str, lang: str) -> str:
    """A certificate event's name (the audit action id when unknown)."""
    pair = EVENTS.get(action, (action, action))
    return pair[1 if lang == "en" else 0]
