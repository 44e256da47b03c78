"""User-facing error family: the message is the sentence the clerk reads (Indonesian)."""


class RecapError(Exception):
    """Base of every error meant for the clerk.

    Args:
        message: the complete Indonesian sentence shown to the user; it names the file,
            sheet, cell or field, what was found and what was expected.
        code: a stable machine-readable reason (e.g. ``"wrong_election"``).
        english: the same sentence in English where the raiser has it (the window's English
            translation shows it, :func:`english`); empty where the code's meaning in
            :data:`CODES` says enough.
    """

    def __init__(self, message: str, code: str = "error", english: str = ""):
        super().__init__(message)
        self.message = message
        self.code = code
        self.english = english

    def __str__(self) -> str:
        return self.message


class WorkspaceError(RecapError):
    """The workspace file cannot be created, opened or written."""


class ElectionError(RecapError):
    """An election definition is missing or malformed."""


class ImportRefused(RecapError):
    """A file was refused on import; nothing was written."""


class NotAllowed(RecapError):
    """The acting user may not do this (role, separation of duties)."""


class NotNow(NotAllowed):
    """The state of the thing acted on does not allow this now (adopted, not received, open
    errors, a second entry waiting): every "not now" refusal of the lifecycle is this type."""


class TextError(RecapError):
    """A text typed by a person (reason, explanation, name) cannot be accepted as it is."""


class Cancelled(Exception):
    """Silent unwinding: the user cancelled; no dialog, no message."""


#: what the operating system's common refusals mean, as the clerk reads them (errno name -> Indonesian)
OS_WORDS = {
    "ENOENT": "tidak ada", "EACCES": "izin ditolak", "EPERM": "tidak diizinkan", "EISDIR": "berupa folder",
    "ENOTDIR": "bagian jalurnya bukan folder", "ENOSPC": "disk penuh", "EDQUOT": "kuota disk habis",
    "EROFS": "media hanya-baca", "EIO": "kesalahan baca/tulis disk", "ENAMETOOLONG": "nama terlalu panjang",
    "ELOOP": "tautan simbolik berputar", "EEXIST": "sudah ada", "EBUSY": "sedang dipakai", "ETXTBSY": "sedang dipakai",
    "EMFILE": "terlalu banyak berkas terbuka", "ENFILE": "terlalu banyak berkas terbuka",
    "ENXIO": "perangkat tidak tersedia", "ENODEV": "perangkat tidak tersedia", "EFBIG": "berkas terlalu besar",
    "EXDEV": "di perangkat lain", "ENOTEMPTY": "folder tidak kosong",
}


def os_text(exc: BaseException) -> str:
    """Why the operating system refused, in Indonesian ("tidak ada", "izin ditolak", "disk penuh"), with
    the errno name for a maintainer ("tidak ada, ENOENT"); the system's own words for anything else."""
    import errno

    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    if name in OS_WORDS:
        return f"{OS_WORDS[name]}, {name}"
    return str(getattr(exc, "strerror", None) or exc)


#: Every refusal code the program gives (``RecapError.code``), with what it means for the clerk
#: (Indonesian) and for a maintainer (English). Codes are stable: scripts and the JSON outputs
#: rely on them; never reuse a code for another meaning. docs/errors.md is generated from this
#: catalogue (``python -m recap_app.core.errors``) and a test keeps both, and the code, in step.
CODES: dict[str, tuple[str, str]] = {
    # workspace and storage
    "exists": ("berkas tujuan sudah ada; tidak ditimpa", "the target file exists; never overwritten"),
    "missing": ("berkas tidak ditemukan", "file not found"),
    "not_a_workspace": ("berkas bukan ruang kerja recap_app", "the file is not a recap_app workspace"),
    "damaged": ("berkas rusak (pemeriksaan integritas gagal)", "damaged file (integrity check failed)"),
    "tampered": ("angka atau keadaan diubah di luar program", "figures or state changed outside the program"),
    "readonly": ("ruang kerja hanya-baca; tidak ada yang diubah", "read-only workspace; nothing changed"),
    "disk_full": ("disk penuh; tidak ada yang diubah", "disk full; nothing changed"),
    "io_error": ("kesalahan baca/tulis disk; bukan kerusakan berkas", "disk I/O error; not file damage"),
    "cantopen": ("folder menolak berkas baru (izin atau media)", "the folder refuses new files"),
    "locked": ("ruang kerja sedang dipakai proses lain", "workspace locked by another process"),
    "storage": ("kesalahan penyimpanan lain; tidak ada yang diubah", "other storage error; nothing changed"),
    "unreadable": ("berkas tidak dapat dibaca", "file cannot be read"),
    "unwritable": ("folder atau berkas tidak dapat ditulis", "folder or file cannot be written"),
    "write_failed": ("berkas keluaran tidak dapat ditulis", "output file could not be written"),
    "bad_output": ("tujuan keluaran tidak sah (ruang kerja, perangkat, folder)", "output path refused"),
    # election definitions and forms
    "unknown_election": ("id pemilihan tidak dikenal", "unknown election id"),
    "unknown_office": ("kode kantor bukan wilayah yang dapat berkantor (provinsi atau kabupaten/kota)",
                       "office code names no province or kabupaten/kota of the region set"),
    "bad_definition": ("definisi pemilihan tidak lengkap atau tidak sah", "malformed election definition"),
    "unknown_form": ("jenis formulir tidak dikenal", "unknown form kind"),
    "district_required": ("pemilihan berdapil: dapil harus disebut", "a district must be named"),
    "unknown_district": ("dapil tidak ada dalam pemilihan ini", "unknown district"),
    "no_district": ("wilayah tidak termasuk dapil mana pun", "region in no district"),
    "unnumbered": ("nomor urut calon belum ditetapkan", "candidates' ballot numbers not set"),
    # spreadsheet import
    "not_regular_file": ("bukan berkas biasa (folder, pipa, perangkat)", "not a regular file"),
    "not_spreadsheet": ("bukan lembar kerja xlsx/xls/ods/csv", "not a spreadsheet"),
    "encrypted": ("lembar kerja terkunci kata sandi", "password-protected spreadsheet"),
    "encoding": ("teks bukan UTF-8", "text not UTF-8"),
    "empty": ("berkas kosong", "empty file"),
    "too_large": ("berkas atau lembar terlalu besar", "file or sheet too large"),
    "no_certificate": ("tidak ada sertifikat yang dikenali", "no certificate recognised"),
    "several_certificates": ("lebih dari satu sertifikat berbeda dalam satu berkas", "several certificates in one file"),
    "split_table": ("tabel terbagi dua blok bertumpuk di satu lembar", "the table split in two stacked blocks"),
    "empty_certificate": ("semua sel angka kosong", "every figure cell blank"),
    "bad_number": ("sel berisi sesuatu yang bukan angka yang sah", "a cell holds no valid figure"),
    "bad_label": ("label baris yang berisi angka adalah galat (#REF!)", "a row of figures is labelled by an error value"),
    "formula_without_value": ("rumus tanpa hasil tersimpan", "formula without a saved result"),
    "covered_cell": ("angka di sel yang tertutup sel gabungan (tidak tampil)", "a figure in a cell a merged range covers"),
    "foreign_markup": ("markah XML yang dibaca lain oleh program lembar kerja (namespace lain, DTD)",
                       "XML markup a spreadsheet program reads otherwise (another namespace, a DTD)"),
    "stale_formula": ("hasil rumus yang tersimpan tidak cocok dengan rumusnya",
                      "a formula's saved result differs from the formula"),
    "duplicate_field": ("isian formulir muncul dua kali", "a form field appears twice"),
    "duplicate_kecamatan": ("kolom kecamatan atau JUMLAH muncul dua kali", "a column appears twice"),
    "unknown_kecamatan": ("kecamatan tidak dikenal di kabupaten/kota itu", "unknown kecamatan"),
    "unknown_regency": ("kabupaten/kota tidak dapat ditentukan", "regency cannot be determined"),
    "near_names": ("nama wilayah hanya mirip; perlu dikonfirmasi", "near region names need confirmation"),
    "reason_needed": ("berkas akan mengganti revisi yang diketik atau diterima dari bundel: perlu alasan",
                      "the file would replace a typed or bundled revision: a reason is needed"),
    "wrong_election": ("berkas untuk pemilihan lain", "file for another election"),
    "wrong_province": ("berkas untuk provinsi lain", "file for another province"),
    "wrong_regency": ("berkas untuk kabupaten/kota lain", "file for another regency"),
    "unknown_region": ("kode wilayah tidak dikenal dalam pemilihan ini", "unknown region code"),
    "unknown_party": ("partai tidak ikut, atau nomor dan nama tak cocok", "unknown party, or number and name differ"),
    "paslon_mismatch": ("nomor urut dan nama pasangan calon tak cocok", "a pair's number and name differ"),
    "wrong_district": ("lembar untuk dapil lain (judul atau daftar calonnya)", "sheet for another district"),
    # reconciliation and the certificate lifecycle
    "unknown_finding": ("temuan tidak ada pada data terakhir", "finding not in the current data"),
    "no_finding": ("tidak ada temuan yang dipilih", "no finding chosen"),
    "not_an_error": ("peringatan dijelaskan, bukan dikesampingkan", "warnings are explained, not overridden"),
    "empty_text": ("teks wajib (alasan, penjelasan) kosong", "a required text is empty"),
    "control_character": ("teks memuat karakter kendali atau tak terlihat", "text holds a control character"),
    "too_long": ("teks terlalu panjang", "text too long"),
    "adopted": ("sertifikat sudah ditetapkan; buka kembali dulu", "the certificate is adopted"),
    "changed_meanwhile": ("sertifikat disimpan orang lain sejak isian dimulai", "the certificate changed since typing began"),
    "no_change": ("tidak ada perubahan untuk disimpan", "nothing changed"),
    "already_adopted": ("sertifikat sudah ditetapkan", "already adopted"),
    "not_adopted": ("sertifikat belum ditetapkan", "not adopted"),
    "not_received": ("sertifikat belum masuk", "certificate not received"),
    "unresolved_errors": ("masih ada kesalahan yang belum diselesaikan", "unresolved error findings"),
    "double_entry_pending": ("entri kedua menunggu keputusan koordinator", "a second entry awaits the coordinator"),
    "no_entry1": ("entri pertama belum ada", "no first entry"),
    "no_entry2": ("tidak ada entri kedua yang menunggu", "no second entry waiting"),
    "entry2_pending": ("sudah ada entri kedua yang menunggu", "a second entry is already waiting"),
    "bad_choice": ("pilihan tidak dikenal", "unknown choice"),
    "choice_missing": ("ada perbedaan yang belum dipilih", "a difference without a choice"),
    "not_a_difference": ("isian itu tidak berbeda", "the field does not differ"),
    "no_revision": ("revisi tidak ada", "no such revision"),
    # users and permissions
    "forbidden": ("peran pengguna tidak memiliki izin itu", "the role lacks the permission"),
    "separation": ("pemisahan tugas: orang yang sama tidak boleh memverifikasi", "separation of duties"),
    "bad_login": ("nama pengguna atau kata sandi salah", "wrong user name or password"),
    "disabled": ("akun dinonaktifkan", "account disabled"),
    "unknown_user": ("pengguna tidak dikenal", "unknown user"),
    "no_user": ("nama pengguna harus diisi", "a user name is needed"),
    "password_needed": ("kata sandi diperlukan", "a password is needed"),
    "password_mismatch": ("kedua kata sandi tidak sama", "the two passwords differ"),
    "weak_password": ("kata sandi tidak memenuhi aturan (terlalu pendek, terlalu panjang, mudah ditebak)",
                      "password breaks the policy (too short, too long, guessable)"),
    "bad_name": ("nama pengguna tidak sah", "invalid user name"),
    "bad_role": ("peran tidak dikenal", "unknown role"),
    "name_taken": ("nama pengguna sudah dipakai", "user name taken"),
    "first_not_admin": ("akun pertama harus admin", "the first account must be an admin"),
    "last_admin": ("admin aktif terakhir tidak dapat diubah", "the last active admin stays"),
    # backups
    "backup": ("cadangan gagal dibuat", "backup failed"),
    "backup_check": ("salinan cadangan gagal diperiksa", "backup copy failed its check"),
    "backup_write": ("cadangan tidak dapat ditulis", "backup cannot be written"),
    "bad_backup": ("cadangan tidak dapat dipakai", "backup unusable"),
    "restore_unconfirmed": ("pemulihan tidak dikonfirmasi", "restore not confirmed"),
    # documents and exports
    "unknown_document": ("dokumen tidak dikenal", "unknown document"),
    "bad_paper": ("ukuran kertas tidak dikenal", "unknown paper size"),
    "region_required": ("kabupaten/kota harus disebut", "a region must be named"),
    "bad_date": ("tanggal tidak dapat dibaca", "unreadable date"),
    "bad_time": ("jam tidak dapat dibaca", "unreadable time"),
    "bad_kind": ("jenis catatan tidak dikenal", "unknown record kind"),
    "bad_status": ("status saksi tidak dikenal", "unknown witness status"),
    "empty_name": ("nama tidak boleh kosong", "a name is empty"),
    "unknown_attendance": ("peserta rapat tidak ada dalam daftar hadir", "no such attendee"),
    "unknown_paslon": ("pasangan calon tidak ada", "unknown candidate pair"),
    "bad_format": ("format ekspor tidak dikenal", "unknown export format"),
    "bad_file": ("berkas masukan tidak sesuai bentuknya", "input file of the wrong shape"),
    "no_printer": ("printer tidak disebut atau tidak ada", "no printer named, or none installed"),
    "bad_copies": ("jumlah salinan tidak sah", "invalid number of copies"),
    "print_failed": ("printer menolak pekerjaan cetak", "the printer refused the job"),
    "usage": ("pilihan perintah tidak lengkap atau bertentangan", "command options incomplete or conflicting"),
    # bundles and office keys
    "not_zip": ("bundel bukan arsip zip", "bundle is not a zip"),
    "too_many_members": ("anggota arsip terlalu banyak", "too many zip members"),
    "duplicate_member": ("anggota arsip ganda", "duplicate zip member"),
    "unsafe_path": ("nama anggota arsip berbahaya", "unsafe member path"),
    "bomb": ("isi terkompresi tidak wajar (bom zip)", "zip bomb"),
    "missing_member": ("anggota bundel tidak ada", "bundle member missing"),
    "unlisted_member": ("anggota bundel tidak tercantum di manifest", "member not in the manifest"),
    "bad_manifest": ("manifest tidak sah", "invalid manifest"),
    "bad_format_version": ("versi format bundel tidak dikenal", "unknown bundle format version"),
    "bad_signature": ("tanda tangan tidak sah", "invalid signature"),
    "bad_size": ("ukuran anggota tidak cocok dengan manifest", "member size differs"),
    "bad_hash": ("SHA-256 tidak cocok; isinya diubah", "SHA-256 differs; content changed"),
    "bad_data": ("data bundel tidak sah", "invalid bundle data"),
    "bad_audit": ("rantai audit pengirim tidak utuh", "the sender's audit chain is broken"),
    "missing_jumlah": ("sertifikat tanpa kolom JUMLAH", "certificate without JUMLAH"),
    "simulation_mismatch": ("data simulasi dan resmi tidak boleh bercampur", "simulation and official data mixed"),
    "untrusted_key": ("kunci pengirim belum dipercaya", "sender key not trusted"),
    "key_office_mismatch": ("kunci dipercaya untuk kantor lain", "key trusted for another office"),
    "another_key": ("kantor pengirim sudah memiliki kunci dipercaya yang lain; --accept-key tidak menggantinya",
                    "the sending office has another trusted key; --accept-key does not replace it"),
    "result_mismatch": ("hasil kantor pengirim tidak sama dengan sertifikat yang dibawanya",
                        "the sender's result differs from the certificates it carries"),
    "wrong_tier": ("bundel dari tingkat kantor yang tidak diterima di sini", "bundle from a tier not accepted here"),
    "older_sequence": ("bundel lebih lama dari yang sudah diterima", "an older bundle than one received"),
    "sequence_gap": ("bundel dibuat di atas bundel yang belum diterima", "built on a bundle not received here"),
    "sequence_reused": ("nomor bundel dipakai untuk isi lain", "a bundle number reused for other content"),
    "no_conflict": ("tidak ada konflik terbuka", "no open conflict"),
    "stale_conflict": ("konflik sudah tidak berlaku", "the conflict is stale"),
    "bad_since": ("nomor --since tidak ada", "unknown --since sequence"),
    "no_office_code": ("kode kantor belum diatur", "office code not set"),
    "no_key": ("kunci kantor tidak ada", "no office key"),
    "no_office": ("kantor pengirim tidak dikenal", "unknown office"),
    "bad_key": ("kunci tidak sah (teks kunci publik, atau berkas kunci kosong, rusak, bukan berkas)",
                "invalid key (public key text, or a key file empty, damaged, not a file)"),
    "key_too_open": ("berkas kunci dapat dibaca orang lain", "key file readable by others"),
    "key_unreadable": ("berkas kunci tidak dapat dibaca", "key file unreadable"),
    "key_unwritable": ("berkas kunci tidak dapat ditulis", "key file unwritable"),
    "key_locked": ("kunci kantor terkunci frasa sandi", "office key locked by a passphrase"),
    "bad_secret_text": ("kata sandi memuat bita yang bukan teks UTF-8", "password holds bytes that are not UTF-8 text"),
    "bad_passphrase": ("frasa sandi kunci kantor salah", "wrong office key passphrase"),
    "key_unprotected": ("kunci kantor tanpa frasa sandi di kantor berakun", "office key without a passphrase where accounts exist"),
    "other_workspace": ("cadangan dari ruang kerja lain", "a backup of another workspace"),
    # comparison with another source
    "different_region": ("revisi bukan dari wilayah yang sama", "revisions of different regions"),
    "not_csv": ("bukan CSV yang dapat dibaca", "not readable CSV"),
    "no_key_column": ("tidak ada kolom kode wilayah", "no region code column"),
    "no_value_column": ("tidak ada kolom angka yang dikenal", "no known value column"),
    "no_code": ("kode wilayah kosong", "empty region code"),
    "duplicate": ("kode wilayah muncul dua kali", "a region code appears twice"),
    "bad_value": ("nilai bukan bilangan bulat tidak negatif", "value not a non-negative integer"),
    # the polling-station source (TPS: C1 / C.Hasil from Situng or Sirekap; docs/tps-data.md)
    "no_tps": ("belum ada data TPS yang diimpor", "no TPS set imported"),
    "bad_header": ("baris judul CSV TPS tidak sesuai (kolom wajib tidak ada, tak dikenal atau ganda)",
                   "TPS CSV header wrong (a required column missing, an unknown or doubled column)"),
    "bad_row": ("baris CSV dengan jumlah kolom yang salah", "a CSV row with the wrong number of cells"),
    "bad_code": ("kode kecamatan atau desa TPS tidak berbentuk yang diharapkan", "malformed kecamatan or desa code"),
    "duplicate_tps": ("TPS yang sama muncul dua kali", "the same TPS appears twice"),
    "not_json": ("bukan JSON yang dapat dibaca", "not readable JSON"),
    "bad_tps_json": ("JSON TPS tidak sesuai skema (resources/tps.schema.json)", "TPS JSON against its schema"),
    "unknown_field": ("isian tidak ada dalam formulir pemilihan ini", "a field the election's form does not have"),
    # seats
    "bad_votes": ("suara tidak sah untuk pembagian kursi", "invalid votes for the allocation"),
    "bad_seats": ("jumlah kursi tidak sah", "invalid number of seats"),
    "bad_percent": ("ambang batas tidak sah", "invalid threshold"),
    "no_votes": ("tidak ada suara untuk dibagi", "no votes to allocate"),
    "bad_candidates": ("daftar calon tidak sah", "invalid candidate list"),
    "unknown_candidate": ("calon tidak ada di daftar", "candidate not on the list"),
    "tie_decision_mismatch": ("keputusan tidak menjawab suara sama yang ada", "the decision does not fit the tie"),
    "no_tie": ("tidak ada suara sama yang perlu diputuskan", "no tie to decide"),
    "bad_csv": ("CSV suara tidak sah", "invalid votes CSV"),
    # publication (the public site)
    "not_a_publication": ("folder berisi berkas lain dan bukan publikasi recap_app",
                          "the folder holds other files and is not a recap_app publication"),
    "foreign_files": ("folder publikasi berisi berkas yang tidak tercantum di manifest-nya",
                      "the publication folder holds files its manifest does not list"),
    "other_election": ("folder memuat publikasi pemilihan lain", "the folder holds another election's publication"),
    "marked_over_official": ("ruang kerja CONTOH/SIMULASI tidak boleh mengganti publikasi resmi",
                             "a CONTOH/SIMULASI workspace may not replace an official publication"),
    "move_failed": ("memindahkan berkas situs terhenti; terbitkan lagi", "moving the site's files stopped; publish again"),
    "no_folder": ("folder situs tidak ada", "the site folder does not exist"),
    "no_rclone": ("program rclone tidak terpasang", "rclone is not installed"),
    "no_remote": ("tujuan pengiriman kosong", "empty push destination"),
    "not_verified": ("folder situs tidak lolos verifikasi; tidak dikirim", "the site folder does not verify; not sent"),
    "remote_failed": ("rclone gagal mengirim ke tujuan", "rclone failed to send to the destination"),
    "push_timeout": ("pengiriman melewati batas waktu", "the push ran out of time"),
    "bad_dct": ("berkas daftar calon (DCT) tidak sah", "invalid candidate list file"),
    "dct_exists": ("definisi sudah memuat daftar calon", "the definition holds a candidate list already"),
    "certificates_stored": ("sudah ada sertifikat; daftar calon tetap", "certificates stored; the list cannot change"),
    "duplicate_number": ("satu nomor urut untuk dua calon", "one ballot number for two candidates"),
    "not_individual": ("bukan pemilihan calon perseorangan", "not a contest of individual candidates"),
    "link_self": ("ruang kerja ini sendiri tidak dapat ditautkan", "a workspace cannot link itself"),
    "link_other_day": ("pemilihan lain hari atau daftar wilayahnya", "another polling day or region set"),
    "link_exists": ("ruang kerja itu sudah ditautkan", "already linked"),
    "link_missing": ("ruang kerja itu tidak ditautkan", "not linked"),
    "no_seats": ("pemilihan ini tidak membagi kursi", "this contest allocates no seats"),
    "not_elected": ("calon itu tidak termasuk calon terpilih", "the candidate is not elected"),
    "bad_cause": ("sebab penggantian tidak dikenal", "unknown cause of a replacement"),
    "seats_adopted": ("penetapan kursi sudah ditetapkan; buka kembali dulu", "the seat decision is adopted"),
    "not_decided_here": ("kursi ditetapkan lembaga lain; di sini dihitung", "seats decided elsewhere; a calculation"),
    "not_all_adopted": ("belum semua sertifikat ditetapkan", "not every certificate is adopted"),
    "open_tie": ("masih ada hasil sama yang belum diputuskan", "a tie is still open"),
    "seats_incomplete": ("kursi belum dapat dihitung (suara kosong, tanpa DCT)", "seats cannot be computed yet"),
}


def english(exc: RecapError) -> str:
    """What a refusal means, in English, for the window's English translation: one sentence made
    from the exception's own English (``exc.english``, set where the refusal has one, such as a
    missing permission) or else from its code's meaning in :data:`CODES` ("The target file exists;
    never overwritten."), with the code in brackets. The Indonesian ``exc.message`` stays the
    record (audit, CLI, JSON): this only translates its headline. Never raises."""
    own = getattr(exc, "english", "")
    if own:
        return f"{own} [{exc.code}]"
    meaning = CODES.get(exc.code, ("", ""))[1] or "the program refused this"
    return f"{meaning[0].upper()}{meaning[1:]}. [{exc.code}]"


def codes_markdown() -> str:
    """docs/errors.md: the code catalogue as a table (generated; a test compares)."""
    lines = ["# Kode penolakan (refusal codes)", "",
             "Every refusal the program gives carries a stable code (`RecapError.code`), also in the JSON",
             "outputs (`recap import --format json`: `files[].code`). Generated from",
             "`recap_app/core/errors.py` (`python -m recap_app.core.errors > docs/errors.md`); a test keeps this",
             "file, the catalogue and the code in step.", "",
             "| kode | arti | meaning |", "|---|---|---|"]
    lines += [f"| `{code}` | {text_id} | {text_en} |" for code, (text_id, text_en) in CODES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(codes_markdown())
