<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../recap_app/ui/users.py" line="36"/>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="36"/>
        <source>Akun baru</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="51"/>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="53"/>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="54"/>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="55"/>
        <source>&amp;Ulangi kata sandi</source>
        <translation>Password &amp;again</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="58"/>
        <source>Akun pertama harus admin. Sesudah itu setiap orang masuk dengan nama dan kata sandinya.</source>
        <translation>The first account must be an admin. From then on everyone logs in with their name and password.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="62"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="62"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="67"/>
        <source>Kedua kata sandi tidak sama; tulis ulang.</source>
        <translation>The two passwords differ; type them again.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="70"/>
        <source>Nama pengguna harus diisi.</source>
        <translation>A user name is needed.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="437"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="437"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="437"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="437"/>
        <source>Waktu (WIB)</source>
        <translation>Time (WIB)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="438"/>
        <source>Objek</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="438"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="47"/>
        <source>Semua wilayah</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="54"/>
        <source>Tanggal:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="64"/>
        <source>cari teks di rincian…</source>
        <translation>search the details…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="70"/>
        <source>&amp;Periksa rantai</source>
        <translation>&amp;Check chain</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="93"/>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="94"/>
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="128"/>
        <source>%1 catatan ditampilkan (terbaru di atas; paling banyak 2000).</source>
        <translation>%1 records shown (newest first; at most 2000).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="136"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="138"/>
        <source>Rantai audit utuh: %s catatan diperiksa.</source>
        <translation>Audit chain intact: %s records checked.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="139"/>
        <source>Jangkar: %s.</source>
        <translation>Anchors: %s.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="141"/>
        <source>RANTAI AUDIT RUSAK: %s</source>
        <translation>AUDIT CHAIN BROKEN: %s</translation>
    </message>
</context>
<context>
    <name>BundlesPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="30"/>
        <source>Bundel adalah berkas bertanda tangan untuk mengirim data rekapitulasi ke tingkat atas atau menerima data dari kabupaten/kota. Verifikasi memeriksa tanda tangan, sidik jari setiap isi dan bentuk data sebelum apa pun disimpan.</source>
        <translation>A bundle is a signed file that carries recapitulation data to the tier above or brings in data from a regency. Verification checks the signature, the fingerprint of every member and the shape of the data before anything is stored.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="34"/>
        <source>&amp;Ekspor bundel…</source>
        <translation>E&amp;xport bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="35"/>
        <source>Seluruh &amp;data (bukan hanya perubahan)</source>
        <translation>All &amp;data (not only changes)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="36"/>
        <source>Sertakan berkas &amp;asli</source>
        <translation>Include &amp;original files</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="42"/>
        <source>&amp;Verifikasi bundel…</source>
        <translation>&amp;Verify bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="43"/>
        <source>&amp;Impor bundel…</source>
        <translation>&amp;Import bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="46"/>
        <source>Percayai &amp;kunci pengirim baru</source>
        <translation>Trust the new sender &amp;key</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="47"/>
        <source>Hanya bila sidik jari kunci sudah dicocokkan dengan pengirim lewat jalur lain.</source>
        <translation>Only when the key fingerprint was checked with the sender by another channel.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="56"/>
        <source>&lt;b&gt;Konflik menunggu keputusan&lt;/b&gt; (sertifikat yang berubah di kedua sisi)</source>
        <translation>&lt;b&gt;Conflicts waiting for a decision&lt;/b&gt; (certificates changed on both sides)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="62"/>
        <source>Pakai data kita</source>
        <translation>Keep ours</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="63"/>
        <source>Pakai data kiriman</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="84"/>
        <source>Ekspor bundel</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="86"/>
        <source>Bundel (*.zip)</source>
        <translation>Bundle (*.zip)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="92"/>
        <source>bundel ini</source>
        <translation>this bundle</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="99"/>
        <source>Menyusun dan menandatangani bundel…</source>
        <translation>Building and signing the bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="103"/>
        <source>Bundel diekspor: %s</source>
        <translation>Bundle exported: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="108"/>
        <source>Sidik jari manifes: %s</source>
        <translation>Manifest fingerprint: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="110"/>
        <source>Mengekspor bundel…</source>
        <translation>Exporting bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="81"/>
        <location filename="../../recap_app/ui/pages/bundles.py" line="94"/>
        <location filename="../../recap_app/ui/pages/bundles.py" line="112"/>
        <source>GAGAL: %s</source>
        <translation>FAILED: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="104"/>
        <source>Nomor urut %1 (dasar %2), %3 sertifikat, %4 revisi, %5 catatan audit, %6 bita.</source>
        <translation>Sequence %1 (base %2), %3 certificates, %4 revisions, %5 audit records, %6 bytes.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="116"/>
        <source>Verifikasi bundel</source>
        <translation>Verify bundle</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="117"/>
        <location filename="../../recap_app/ui/pages/bundles.py" line="143"/>
        <source>Bundel (*.zip);;Semua berkas (*)</source>
        <translation>Bundle (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="125"/>
        <source>SAH: tanda tangan, sidik jari isi dan bentuk data benar.</source>
        <translation>VALID: signature, member fingerprints and data shape are correct.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="126"/>
        <source>Pengirim: %1 (%2), tingkat %3</source>
        <translation>Sender: %1 (%2), tier %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="128"/>
        <source>Sidik jari kunci pengirim: %s</source>
        <translation>Sender&apos;s key fingerprint: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="129"/>
        <source>Pemilihan: %s</source>
        <translation>Election: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="130"/>
        <source>Nomor urut: %s</source>
        <translation>Sequence: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="131"/>
        <source>Sertifikat: %s</source>
        <translation>Certificates: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="133"/>
        <source>Bundel SIMULASI.</source>
        <translation>SIMULASI (simulation) bundle.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="136"/>
        <source>Memverifikasi bundel…</source>
        <translation>Verifying bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="138"/>
        <source>TIDAK SAH: %s</source>
        <translation>NOT VALID: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="142"/>
        <source>Impor bundel</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="153"/>
        <source>Mengimpor bundel…</source>
        <translation>Importing bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="155"/>
        <source>DITOLAK: %s</source>
        <translation>REFUSED: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="169"/>
        <source>%1 %2 — dari %3 nomor %4, %5 isian berbeda</source>
        <translation>%1 %2 — from %3 number %4, %5 figures differ</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="191"/>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>CertificateEditor</name>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="670"/>
        <source>Pilih kabupaten/kota di daftar kiri untuk membuka sertifikatnya.</source>
        <translation>Choose a regency in the list on the left to open its certificate.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="679"/>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="680"/>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="681"/>
        <source>Simpan sertifikat</source>
        <translation>Save certificate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="683"/>
        <location filename="../../recap_app/ui/editor.py" line="1372"/>
        <location filename="../../recap_app/ui/editor.py" line="1374"/>
        <source>Buang draf</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="695"/>
        <source>Lompat ke blok partai (suara partai, calon, jumlah).</source>
        <translation>Jump to a party&apos;s block (party-only votes, candidates, total).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="700"/>
        <source>Sel biru muda: jumlah · merah: kesalahan · kuning: peringatan · tebal: diubah</source>
        <translation>Light blue cells: sums · red: error · yellow: warning · bold: changed</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="702"/>
        <source>Entri kedua</source>
        <translation>Second entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="705"/>
        <source>Ketik ulang sertifikat oleh orang lain tanpa melihat entri pertama.</source>
        <translation>Another person types the certificate again without seeing the first entry.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="708"/>
        <source>Keputusan entri ganda…</source>
        <translation>Double-entry decision…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="712"/>
        <source>Tetapkan</source>
        <translation>Adopt</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="714"/>
        <source>Tetapkan sertifikat ini (ditolak selama ada kesalahan yang belum diselesaikan).</source>
        <translation>Adopt this certificate (refused while an unresolved error remains).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="715"/>
        <source>Buka kembali…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="768"/>
        <source>ENTRI KEDUA: ketik ulang seluruh sertifikat dari kertasnya; entri pertama disembunyikan.</source>
        <translation>SECOND ENTRY: type the whole certificate again from the paper; the first entry is hidden.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="771"/>
        <source>Draf entri kedua dipulihkan.</source>
        <translation>Second-entry draft restored.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="774"/>
        <source>Draf yang belum disimpan dipulihkan (terakhir %1 oleh %2).</source>
        <translation>Unsaved draft restored (last saved %1 by %2).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="778"/>
        <location filename="../../recap_app/ui/editor.py" line="1103"/>
        <source>Perhatian: sertifikat ini sudah disimpan lagi (revisi %1 oleh %2) sejak draf ini dimulai; periksa sebelum menyimpan.</source>
        <translation>Note: this certificate was saved again (revision %1 by %2) since this draft was started; check before saving.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="783"/>
        <source>Revisi %1, %2 oleh %3.</source>
        <translation>Revision %1, %2 by %3.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="788"/>
        <source>Belum ada sertifikat yang masuk; isian baru.</source>
        <translation>No certificate received yet; new entry.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="791"/>
        <source>Sertifikat ini sudah ditetapkan: hanya dapat dibaca. Ketua dapat membukanya kembali (Buka kembali) bila angkanya harus diubah.</source>
        <translation>This certificate is adopted: read-only. The chair can reopen it (Reopen) if its figures must change.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="796"/>
        <source>Sertifikat sudah ditetapkan: hanya dapat dibaca (buka kembali oleh ketua).</source>
        <translation>Certificate adopted: read only (the chair can reopen it).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="798"/>
        <source>Sertifikat %1 — %2 %3</source>
        <translation>Certificate %1 — %2 %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="801"/>
        <source>ENTRI KEDUA</source>
        <translation>SECOND ENTRY</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="849"/>
        <source>Lompat ke partai…</source>
        <translation>Jump to party…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="888"/>
        <source>Temuan tidak dapat dimuat: %s</source>
        <translation>Findings could not be loaded: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="903"/>
        <source>Pemeriksaan langsung: belum ada angka (semua isian kosong)</source>
        <translation>Live check: no figures yet (every field blank)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="909"/>
        <source>Pemeriksaan langsung tidak dapat dijalankan: %s</source>
        <translation>The live check cannot run: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="918"/>
        <source>Pemeriksaan langsung: %1 kesalahan, %2 peringatan</source>
        <translation>Live check: %1 errors, %2 warnings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="943"/>
        <source>kolom %s</source>
        <translation>column %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1030"/>
        <source>Tempel dibatalkan, tidak ada yang diubah: %s</source>
        <translation>Paste cancelled, nothing changed: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../recap_app/ui/editor.py" line="1034"/>
        <source>Tempel %n sel</source>
        <translation>
            <numerusform>Paste %n cell</numerusform>
            <numerusform>Paste %n cells</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1060"/>
        <source>Kosongkan sel</source>
        <translation>Clear cells</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1076"/>
        <source>Draf tidak tersimpan: %s</source>
        <translation>Draft not saved: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1113"/>
        <source>ditetapkan</source>
        <translation>adopted</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1113"/>
        <source>revisi %1 oleh %2</source>
        <translation>revision %1 by %2</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1115"/>
        <source>Sertifikat %1 berubah di ruang kerja dan dimuat ulang (%2).</source>
        <translation>The certificate %1 changed in the workspace and was loaded again (%2).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1152"/>
        <source>Entri ganda</source>
        <translation>Double entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1219"/>
        <source>Tidak ada perubahan: angka sama dengan revisi %1; tidak ada revisi baru.</source>
        <translation>No change: the figures equal revision %1; no new revision.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1224"/>
        <source>Sertifikat %1 sudah disimpan sebagai revisi %2 oleh %3 (%4) sejak isian ini dimulai. Menyimpan angka di layar ini sebagai revisi baru akan menggantikan angka revisi %2.</source>
        <translation>Certificate %1 was saved as revision %2 by %3 (%4) since this entry was started. Saving the figures on this screen as a new revision will replace the figures of revision %2.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1228"/>
        <source>Sertifikat sudah berubah</source>
        <translation>The certificate has changed</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1229"/>
        <source>Simpan di atas revisi %1</source>
        <translation>Save over revision %1</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1240"/>
        <source>entri manual</source>
        <translation>manual entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1242"/>
        <source>Angka sedang disimpan; tunggu sebentar.</source>
        <translation>The figures are being saved; wait a moment.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1244"/>
        <source>Tidak tersimpan</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1243"/>
        <source>Sertifikat %s disimpan sebagai revisi baru.</source>
        <translation>Certificate %s saved as a new revision.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1289"/>
        <source>Entri kedua tidak tersimpan</source>
        <translation>Second entry not saved</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1288"/>
        <source>Entri kedua %s disimpan; menunggu keputusan koordinator.</source>
        <translation>Second entry %s saved; waiting for the coordinator&apos;s decision.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="592"/>
        <source>Alasan perubahan</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="593"/>
        <source>Sertifikat ini sudah diterima. Tuliskan alasan perubahan (misalnya: salah ketik, dicocokkan dengan sertifikat asli):</source>
        <translation>This certificate was received already. Write the reason for the change (for example: typing fault, checked against the original certificate):</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="595"/>
        <source>Simpan perubahan</source>
        <translation>Save the change</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="607"/>
        <source>revisi %1 (%2 oleh %3)</source>
        <translation>revision %1 (%2 by %3)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="610"/>
        <source>Tetapkan sertifikat %s? Sesudah ditetapkan, sertifikat hanya dapat dibaca sampai ketua membukanya kembali.</source>
        <translation>Adopt the certificate of %s? Once adopted it is read-only until the chair reopens it.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="621"/>
        <source>Masih terbuka: %s peringatan belum dijelaskan (jelaskan di halaman Temuan):</source>
        <translation>Still open: %s warnings not explained (explain them on the Findings page):</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="624"/>
        <source>Tetapkan sertifikat</source>
        <translation>Adopt certificate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="625"/>
        <source>&amp;Tetapkan</source>
        <translation>&amp;Adopt</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="626"/>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1243"/>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1255"/>
        <source>Belum disimpan: sel yang sedang diisi berisi teks yang bukan angka. Perbaiki, atau tekan Esc untuk membatalkan isian itu, lalu simpan lagi.</source>
        <translation>Not saved: the cell being edited holds text that is not a figure. Correct it, or press Esc to cancel that entry, then save again.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1273"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1274"/>
        <source>Sel yang sedang diisi berisi &quot;%s&quot;, yang bukan angka; isian ini belum masuk draf dan hilang bila program ditutup sekarang.</source>
        <translation>The cell being edited holds &quot;%s&quot;, which is not a figure; this entry is not in the draft yet and is lost if the program closes now.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1275"/>
        <source>Keluar tanpa isian ini</source>
        <translation>Quit without this entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1275"/>
        <source>Kembali ke sel</source>
        <translation>Back to the cell</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1287"/>
        <source>Menyimpan entri kedua…</source>
        <translation>Saving the second entry…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1347"/>
        <source>Menetapkan…</source>
        <translation>Adopting…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1339"/>
        <location filename="../../recap_app/ui/editor.py" line="1348"/>
        <source>Tidak dapat ditetapkan</source>
        <translation>Cannot be adopted</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1348"/>
        <source>Sertifikat %s ditetapkan.</source>
        <translation>Certificate %s adopted.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1355"/>
        <location filename="../../recap_app/ui/editor.py" line="1357"/>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1356"/>
        <source>Membuka kembali sertifikat yang sudah ditetapkan adalah tindakan ketua. Tuliskan alasannya:</source>
        <translation>Reopening an adopted certificate is the chair&apos;s act. Write the reason:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1363"/>
        <source>Membuka kembali…</source>
        <translation>Reopening…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1364"/>
        <source>Tidak dapat dibuka kembali</source>
        <translation>Cannot be reopened</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1364"/>
        <source>Sertifikat %s dibuka kembali.</source>
        <translation>Certificate %s reopened.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1373"/>
        <source>Buang semua isian yang belum disimpan untuk %s?</source>
        <translation>Discard every unsaved entry for %s?</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1229"/>
        <location filename="../../recap_app/ui/editor.py" line="1374"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="1379"/>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
</context>
<context>
    <name>CertificateModel</name>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="268"/>
        <source>Sel jumlah (diisi otomatis dari bagian-bagiannya bila cocok).</source>
        <translation>Sum cell (filled from its parts when they agree).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="271"/>
        <source>Sebelumnya: %s</source>
        <translation>Before: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="271"/>
        <source>kosong</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="291"/>
        <source>Ubah sel</source>
        <translation>Change cell</translation>
    </message>
</context>
<context>
    <name>CertificateTable</name>
    <message>
        <location filename="../../recap_app/ui/fmt.py" line="81"/>
        <source>“%1” terlalu besar (paling besar 999.999.999).</source>
        <translation>“%1” is too large (at most 999.999.999).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/fmt.py" line="86"/>
        <source>“%1” negatif: angka sertifikat tidak boleh kurang dari nol (0 ditulis 0 atau -).</source>
        <translation>“%1” is negative: a certificate figure cannot be below zero (write 0 as 0 or -).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/fmt.py" line="89"/>
        <source>“%1” bukan bilangan bulat (contoh yang benar: 12.345 atau 12345).</source>
        <translation>“%1” is not a whole number (written correctly: 12.345 or 12345).</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="24"/>
        <source>Bandingkan angka ruang kerja dengan sumber kedua: berkas CSV ekspor program ini (recap export --format csv), CSV berkunci kode wilayah, atau lembar kerja berisi sertifikat (misalnya lembar kerja Situng). Tidak ada yang disimpan.</source>
        <translation>Compare the workspace&apos;s figures with a second source: this program&apos;s CSV export (recap export --format csv), a CSV keyed by region code, or spreadsheets holding certificates (e.g. the Situng workbooks). Nothing is stored.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="28"/>
        <source>&amp;Pilih berkas pembanding…</source>
        <translation>&amp;Choose the other source…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="31"/>
        <source>awalan kolom CSV, mis. situng_ (boleh kosong)</source>
        <translation>CSV column prefix, e.g. situng_ (may be empty)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="39"/>
        <source>Wilayah / kolom</source>
        <translation>Region / column</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="39"/>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="39"/>
        <location filename="../../recap_app/ui/pages/compare.py" line="76"/>
        <source>Ruang kerja</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="40"/>
        <source>Sumber lain</source>
        <translation>Other source</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="40"/>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="40"/>
        <source>Mirip salah ketik</source>
        <translation>Looks like a typing fault</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="49"/>
        <source>kelebihan satu angka</source>
        <translation>one digit too many</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="49"/>
        <source>kekurangan satu angka</source>
        <translation>one digit too few</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="50"/>
        <source>dua angka tertukar</source>
        <translation>two digits swapped</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="50"/>
        <source>satu angka berbeda</source>
        <translation>one digit different</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="51"/>
        <source>nilai baris lain</source>
        <translation>another row&apos;s value</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="60"/>
        <source>Pilih berkas pembanding</source>
        <translation>Choose the other source</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="61"/>
        <source>CSV dan lembar kerja (*.csv *.xlsx *.xls *.ods);;Semua berkas (*)</source>
        <translation>CSV and spreadsheets (*.csv *.xlsx *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="66"/>
        <source>Membaca %s…</source>
        <translation>Reading %s…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="67"/>
        <source>Membandingkan…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="69"/>
        <source>Bandingkan</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="75"/>
        <source>%1 dibandingkan dengan %2: %3 angka dibandingkan, %4 berbeda (%5 mirip salah ketik).</source>
        <translation>%1 compared with %2: %3 figures compared, %4 differ (%5 look like typing faults).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="80"/>
        <source>Belum ada di ruang kerja: %s</source>
        <translation>Not yet in the workspace: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/compare.py" line="82"/>
        <source>Kode tidak dikenal: %s</source>
        <translation>Unknown codes: %s</translation>
    </message>
</context>
<context>
    <name>DapilBox</name>
    <message>
        <location filename="../../recap_app/ui/dapil.py" line="93"/>
        <source>Semua dapil</source>
        <translation>All districts</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="278"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="342"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="346"/>
        <source>Pilih folder</source>
        <translation>Choose folder</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="349"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="351"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="352"/>
        <source>Lihat di:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="353"/>
        <source>Nama berkas:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="354"/>
        <source>Jenis berkas:</source>
        <translation>File type:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/app.py" line="250"/>
        <source>Kesalahan program</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/app.py" line="251"/>
        <source>Terjadi kesalahan di dalam program (bukan kesalahan Anda). Data yang sudah disimpan tetap utuh. Laporan: %s</source>
        <translation>An error occurred inside the program (not your mistake). Data already saved is intact. Report: %s</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="160"/>
        <location filename="../../recap_app/ui/pages/documents.py" line="174"/>
        <location filename="../../recap_app/ui/pages/documents.py" line="228"/>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="44"/>
        <source>Sertifikat rekapitulasi tingkat provinsi (kolom per kabupaten/kota)</source>
        <translation>Province recap certificate (a column per regency)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="45"/>
        <source>Rekapitulasi jumlah provinsi dengan huruf dan persentase</source>
        <translation>Province totals in words, with percentages</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="46"/>
        <source>Berita acara rapat pleno rekapitulasi</source>
        <translation>Minutes of the recap plenary</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="47"/>
        <source>Kejadian khusus dan/atau keberatan saksi</source>
        <translation>Special events and/or witness objections</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="48"/>
        <source>Formulir kejadian khusus dan/atau keberatan saksi (kosong)</source>
        <translation>Special events and/or witness objections form (empty)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="49"/>
        <source>Laporan temuan pemeriksaan (dokumen internal)</source>
        <translation>Findings report (internal document)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="50"/>
        <source>Sertifikat kabupaten/kota sebagaimana diterima (pilih di bawah)</source>
        <translation>Regency certificate as received (choose below)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="71"/>
        <source>&lt;b&gt;&amp;Dokumen&lt;/b&gt;</source>
        <translation>&lt;b&gt;&amp;Documents&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="78"/>
        <source>&amp;Kertas:</source>
        <translation>&amp;Paper:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="87"/>
        <source>Ka&amp;b/kota:</source>
        <translation>Re&amp;gency:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="91"/>
        <source>&amp;Pratinjau</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="92"/>
        <source>&amp;Simpan PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="93"/>
        <source>&amp;Cetak…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="94"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="160"/>
        <source>Pilih sedikitnya satu dokumen (Spasi mencentang dokumen di daftar).</source>
        <translation>Choose at least one document (Space ticks a document in the list).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="171"/>
        <location filename="../../recap_app/ui/pages/documents.py" line="264"/>
        <source>Menyusun PDF…</source>
        <translation>Building the PDF…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="171"/>
        <source>Menggambar halaman…</source>
        <translation>Drawing the pages…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="172"/>
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="181"/>
        <source>%1 halaman. Sidik jari: %2</source>
        <translation>%1 pages. Fingerprints: %2</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="191"/>
        <source>Pratinjau halaman memerlukan pdftoppm (paket poppler-utils). PDF tetap dapat disimpan dan dibuka dengan penampil PDF.</source>
        <translation>Page preview needs pdftoppm (package poppler-utils). The PDF can still be saved and opened in a PDF viewer.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="211"/>
        <source>Pratinjau %s%%</source>
        <translation>Preview %s%%</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="219"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="220"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="224"/>
        <location filename="../../recap_app/ui/pages/documents.py" line="226"/>
        <source>Menyimpan PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="227"/>
        <source>PDF disimpan: %s</source>
        <translation>PDF saved: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="235"/>
        <source>Dokumen yang dicetak:</source>
        <translation>Documents printed:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="237"/>
        <source>mendatar</source>
        <translation>landscape</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="237"/>
        <source>tegak</source>
        <translation>portrait</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="240"/>
        <source>%s halaman per salinan.</source>
        <translation>%s pages per copy.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="264"/>
        <source>Mengirim ke printer…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="269"/>
        <source>Dikirim ke printer %1: %2 salinan × %3 halaman%4. Dicatat di log audit.</source>
        <translation>Sent to printer %1: %2 copies × %3 pages%4. Recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="274"/>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="276"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>DoubleEntryDialog</name>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="33"/>
        <source>Keputusan entri ganda — %s</source>
        <translation>Double-entry decision — %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="40"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="44"/>
        <source>%1 isian berbeda dari %2 yang dibandingkan. Pilih nilai yang sesuai dengan sertifikat kertas untuk setiap isian.</source>
        <translation>%1 of %2 compared figures differ. For each, choose the value that matches the paper certificate.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="51"/>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="51"/>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="51"/>
        <source>Entri 1</source>
        <translation>Entry 1</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="52"/>
        <source>Entri 2</source>
        <translation>Entry 2</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="52"/>
        <source>Pakai</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="62"/>
        <source>entri 1</source>
        <translation>entry 1</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="63"/>
        <source>entri 2</source>
        <translation>entry 2</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="68"/>
        <source>Kembalikan untuk diketik ulang…</source>
        <translation>Send back to be typed again…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="71"/>
        <source>Simpan keputusan</source>
        <translation>Save decision</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="71"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="88"/>
        <location filename="../../recap_app/ui/double_entry.py" line="102"/>
        <source>Entri ganda</source>
        <translation>Double entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="95"/>
        <location filename="../../recap_app/ui/double_entry.py" line="96"/>
        <source>Kembalikan</source>
        <translation>Send back</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="95"/>
        <source>Mengapa sertifikat ini harus diketik ulang?</source>
        <translation>Why must this certificate be typed again?</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../recap_app/ui/find.py" line="56"/>
        <source>Berikutnya</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/find.py" line="57"/>
        <source>Sebelumnya</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/find.py" line="58"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/find.py" line="77"/>
        <source>Cari kabupaten/kota:</source>
        <translation>Find a regency:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/find.py" line="77"/>
        <source>Cari di temuan:</source>
        <translation>Find in the findings:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/find.py" line="78"/>
        <source>Cari di sertifikat (kecamatan, isian, angka):</source>
        <translation>Find in the certificate (kecamatan, field, figure):</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/find.py" line="99"/>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/find.py" line="100"/>
        <source>tidak ditemukan</source>
        <translation>not found</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="218"/>
        <source>dikesampingkan: %s</source>
        <translation>overridden: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="220"/>
        <source>dijelaskan: %s</source>
        <translation>explained: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="221"/>
        <source>terbuka</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="39"/>
        <location filename="../../recap_app/ui/pages/findings.py" line="43"/>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="39"/>
        <source>Kesalahan</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="39"/>
        <source>Peringatan</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="37"/>
        <source>&amp;Jenis:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="41"/>
        <source>&amp;Wilayah:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="47"/>
        <source>Hanya yang &amp;terbuka</source>
        <translation>&amp;Open only</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="50"/>
        <source>&amp;Periksa ulang</source>
        <translation>&amp;Check again</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="82"/>
        <source>&amp;Buka sel</source>
        <translation>Open &amp;cell</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="86"/>
        <source>&amp;Jelaskan peringatan…</source>
        <translation>&amp;Explain warnings…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="87"/>
        <source>&amp;Kesampingkan kesalahan… (ketua)</source>
        <translation>O&amp;verride errors… (chair)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="91"/>
        <source>Pilih satu kelompok atau beberapa baris (Shift/Ctrl) untuk menjelaskan sekaligus.</source>
        <translation>Choose a group or several rows (Shift/Ctrl) to explain them at once.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="122"/>
        <source>%1 temuan ditampilkan dari %2 (%3 kesalahan, %4 peringatan) dalam %5 baris</source>
        <translation>%1 findings shown of %2 (%3 errors, %4 warnings) in %5 rows</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="172"/>
        <source>%1 temuan dipilih (%2 peringatan, %3 kesalahan).</source>
        <translation>%1 findings chosen (%2 warnings, %3 errors).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="175"/>
        <source>Penjelasan (%1, %2): %3</source>
        <translation>Explanation (%1, %2): %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="178"/>
        <source>Dikesampingkan (%1, %2): %3</source>
        <translation>Overridden (%1, %2): %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="220"/>
        <source>Memeriksa seluruh sertifikat…</source>
        <translation>Checking every certificate…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="221"/>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="223"/>
        <source>Pemeriksaan</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="241"/>
        <location filename="../../recap_app/ui/pages/findings.py" line="248"/>
        <source>Jelaskan peringatan</source>
        <translation>Explain warning</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="241"/>
        <source>Yang dipilih adalah kesalahan: perbaiki angkanya atau minta ketua mengesampingkannya.</source>
        <translation>The chosen findings are errors: fix the figures or ask the chair to override them.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="247"/>
        <source>%1 peringatan dipilih (%2).</source>
        <translation>%1 warnings chosen (%2).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="249"/>
        <source>Tuliskan penjelasan yang akan dicatat dan dicetak untuk semuanya:</source>
        <translation>Write the explanation to be recorded and printed for all of them:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="264"/>
        <source>Hanya ketua yang dapat mengesampingkan kesalahan. Tuliskan alasannya:</source>
        <translation>Only the chair may override an error. Write the reason:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="270"/>
        <source>Mencatat pengesampingan…</source>
        <translation>Recording the override…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="270"/>
        <source>%n kesalahan dikesampingkan.</source>
        <translation>%n errors overridden.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="250"/>
        <source>Catat penjelasan</source>
        <translation>Record explanation</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="254"/>
        <source>Mencatat penjelasan…</source>
        <translation>Recording the explanation…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="254"/>
        <source>Penjelasan dicatat untuk %n peringatan.</source>
        <translation>Explanation recorded for %n warnings.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="262"/>
        <source>%s kesalahan dipilih.</source>
        <translation>%s errors chosen.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="263"/>
        <source>Kesampingkan kesalahan</source>
        <translation>Override error</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="265"/>
        <source>Kesampingkan</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="229"/>
        <source>Tidak dicatat</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="83"/>
        <source>&amp;Data TPS…</source>
        <translation>&amp;TPS data…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="84"/>
        <source>Data TPS di balik angka kecamatan temuan ini (Ctrl+T): bahan pembanding, bukan hasil resmi.</source>
        <translation>The TPS data behind this finding&apos;s kecamatan figure (Ctrl+T): material to compare with, not the official result.</translation>
    </message>
</context>
<context>
    <name>FindingsTree</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="273"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="273"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="273"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="273"/>
        <source>Kolom / isian</source>
        <translation>Column / field</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="273"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="274"/>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="308"/>
        <source>%1 dari %2 terbuka</source>
        <translation>%1 of %2 open</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="309"/>
        <source>selesai semua</source>
        <translation>all done</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="310"/>
        <source>%s temuan</source>
        <translation>%s findings</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../recap_app/ui/help.py" line="20"/>
        <source>Panduan petugas</source>
        <translation>Clerk&apos;s guide</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/help.py" line="29"/>
        <source>Panduan tidak ditemukan di %s.</source>
        <translation>The guide was not found at %s.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/help.py" line="31"/>
        <source>Panduan ini juga ada sebagai berkas docs/user-guide.md.</source>
        <translation>The guide is also the file docs/user-guide.md (in Indonesian).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/help.py" line="34"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="50"/>
        <source>Laporan impor akan tampil di sini dan disimpan selama program terbuka.</source>
        <translation>The import report appears here and is kept while the program is open.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="56"/>
        <source>Pilih berkas sertifikat</source>
        <translation>Choose certificate files</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="57"/>
        <source>Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="67"/>
        <source>Mengimpor berkas…</source>
        <translation>Importing files…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="70"/>
        <source>Impor gagal</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="76"/>
        <source>Mengimpor: %1 dari %2 berkas selesai…</source>
        <translation>Importing: %1 of %2 files done…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="86"/>
        <source>Konfirmasi nama kecamatan</source>
        <translation>Confirm district names</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="87"/>
        <source>Nama kecamatan berikut tidak persis sama dengan daftar wilayah:

%s

Terima kecocokan ini? Ejaan itu akan diingat.</source>
        <translation>The following district names do not exactly match the region list:

%s

Accept these matches? The spellings will be remembered.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="89"/>
        <source>Terima nama</source>
        <translation>Accept names</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="89"/>
        <source>Jangan impor</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="104"/>
        <location filename="../../recap_app/ui/pages/importing.py" line="120"/>
        <source>lembar</source>
        <translation>sheet</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="107"/>
        <source>Berkas berikut akan mengganti revisi yang diketik di aplikasi atau diterima dari bundel:

%1

Bila berkas ini yang berlaku, tuliskan alasannya (dicatat pada revisi baru). Batal: revisi yang ada tetap berlaku.</source>
        <translation>These files would replace a revision typed in the program or received in a bundle:

%1

If these files are the ones that count, give the reason (recorded with the new revisions). Cancel: the revisions as they are stay.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="110"/>
        <source>Alasan mengganti revisi</source>
        <translation>Reason for replacing a revision</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="110"/>
        <source>Impor dengan alasan</source>
        <translation>Import with this reason</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="120"/>
        <source>Alasan ditanyakan; tanpa alasan revisi yang ada tetap berlaku.</source>
        <translation>A reason is asked for; without one the present revision stays.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="129"/>
        <source>Diterima %1 · sudah ada %2 · ditolak %3</source>
        <translation>Accepted %1 · already there %2 · refused %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="138"/>
        <location filename="../../recap_app/ui/pages/importing.py" line="146"/>
        <source>Simpan laporan impor</source>
        <translation>Save import report</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="139"/>
        <source>Teks (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="155"/>
        <location filename="../../recap_app/ui/pages/importing.py" line="156"/>
        <source>Templat</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="149"/>
        <source>Folder untuk templat</source>
        <translation>Folder for the templates</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="36"/>
        <source>Pilih berkas sertifikat kabupaten/kota (xlsx, xls, ods, csv) atau seret berkas ke jendela ini. Setiap berkas disimpan utuh atau tidak sama sekali; kemajuan tampil di bilah bawah dan jendela tetap dapat dipakai.</source>
        <translation>Choose regency certificate files (xlsx, xls, ods, csv) or drop files on this window. Each file is stored whole or not at all; progress shows in the bar below and the window stays usable.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="40"/>
        <source>&amp;Pilih berkas…</source>
        <translation>&amp;Choose files…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="41"/>
        <source>Buat &amp;templat isian…</source>
        <translation>Make entry &amp;templates…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="43"/>
        <source>Simpan &amp;laporan…</source>
        <translation>Save the &amp;report…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="154"/>
        <source>Membuat templat…</source>
        <translation>Making templates…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="155"/>
        <source>Templat dibuat di %s</source>
        <translation>Templates written to %s</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="460"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="462"/>
        <source>Hentikan setelah langkah yang sedang berjalan (satu berkas, satu dokumen); langkah itu disimpan utuh.</source>
        <translation>Stop after the step in progress (one file, one document); that step is stored whole.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="490"/>
        <source>Membatalkan setelah langkah ini…</source>
        <translation>Cancelling after this step…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="493"/>
        <source> (+%s menunggu)</source>
        <translation> (+%s waiting)</translation>
    </message>
</context>
<context>
    <name>KeyPassphraseDialog</name>
    <message>
        <location filename="../../recap_app/ui/users.py" line="251"/>
        <source>Kata sandi kunci kantor</source>
        <translation>Office key passphrase</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="254"/>
        <source>Belum ada kunci kantor di komputer ini: kunci dibuat sekarang, dilindungi kata sandi ini.</source>
        <translation>This computer has no office key yet: the key is made now, protected by this passphrase.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="256"/>
        <source>Ganti kata sandi kunci kantor; kuncinya tetap sama.</source>
        <translation>Change the office key&apos;s passphrase; the key stays the same.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="258"/>
        <source>Kunci kantor belum dilindungi kata sandi: siapa pun yang dapat membaca berkasnya dapat menandatangani atas nama kantor. Tetapkan kata sandinya; kuncinya tetap sama.</source>
        <translation>The office key has no passphrase: anyone who can read its file can sign in the office&apos;s name. Set its passphrase; the key stays the same.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="260"/>
        <source>Kata sandi baru: paling sedikit %s karakter dan tidak mudah ditebak (beberapa kata yang tidak berhubungan, misalnya).</source>
        <translation>New passphrase: at least %s characters and not easy to guess (several unrelated words, for instance).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="269"/>
        <source>Kata sandi &amp;sekarang</source>
        <translation>&amp;Current passphrase</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="274"/>
        <source>Kata sandi &amp;baru</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="275"/>
        <source>&amp;Ulangi kata sandi baru</source>
        <translation>New passphrase &amp;again</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="281"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="281"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="289"/>
        <source>Kedua kata sandi baru tidak sama; tulis ulang.</source>
        <translation>The two new passphrases differ; type them again.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="187"/>
        <location filename="../../recap_app/ui/settings.py" line="222"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="200"/>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="202"/>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="209"/>
        <source>Ruang kerja ini belum memakai akun: nama yang ditulis dicatat di log audit.</source>
        <translation>This workspace has no accounts yet: the name written is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="212"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="212"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="181"/>
        <source>&lt;b&gt;Kabupaten/Kota&lt;/b&gt;</source>
        <translation>&lt;b&gt;Regencies/cities&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="224"/>
        <source>Sertifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="241"/>
        <location filename="../../recap_app/ui/main_window.py" line="949"/>
        <source>Pengguna: %s</source>
        <translation>User: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="270"/>
        <source>Pemeriksaan tidak dapat dijalankan: %s</source>
        <translation>The check could not run: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="274"/>
        <source>Memeriksa %s sertifikat di latar belakang…</source>
        <translation>Checking %s certificates in the background…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="276"/>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="277"/>
        <source>Pemeriksaan selesai.</source>
        <translation>Check finished.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="312"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="332"/>
        <source>&amp;Sunting</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="345"/>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="358"/>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="864"/>
        <source>Tentang recap_app</source>
        <translation>About recap_app</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="397"/>
        <source>Temuan tidak dapat dimuat: %s</source>
        <translation>Findings could not be loaded: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="83"/>
        <source>Halaman ini belum tersedia: %s</source>
        <translation>This page is not available yet: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="181"/>
        <source>&lt;b&gt;Kecamatan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Districts (kecamatan)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="313"/>
        <source>&amp;Buka ruang kerja…</source>
        <translation>&amp;Open workspace…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="315"/>
        <source>Ruang kerja &amp;baru…</source>
        <translation>&amp;New workspace…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="317"/>
        <source>&amp;Impor berkas sertifikat…</source>
        <translation>&amp;Import certificate files…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="319"/>
        <source>&amp;Cetak dokumen…</source>
        <translation>&amp;Print documents…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="321"/>
        <source>&amp;Ganti pengguna…</source>
        <translation>&amp;Switch user…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="322"/>
        <source>&amp;Pengguna dan peran…</source>
        <translation>&amp;Users and roles…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="323"/>
        <source>Pengaturan &amp;kantor…</source>
        <translation>Office &amp;settings…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="324"/>
        <source>P&amp;ulihkan dari cadangan…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="330"/>
        <source>&amp;Keluar</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="333"/>
        <source>&amp;Urungkan</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="335"/>
        <source>U&amp;langi</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="340"/>
        <source>&amp;Simpan sertifikat</source>
        <translation>&amp;Save certificate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="343"/>
        <source>&amp;Cari…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="346"/>
        <source>Pindah antara &amp;daftar dan halaman</source>
        <translation>Switch between the &amp;list and the page</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="347"/>
        <source>Mode &amp;pleno (layar penuh)</source>
        <translation>&amp;Plenary mode (full screen)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="348"/>
        <source>Per&amp;besar</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="349"/>
        <source>Per&amp;kecil</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="350"/>
        <source>&amp;Ukuran biasa</source>
        <translation>&amp;Normal size</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="359"/>
        <source>&amp;Panduan petugas</source>
        <translation>&amp;Clerk&apos;s guide</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="361"/>
        <source>&amp;Tentang recap_app</source>
        <translation>&amp;About recap_app</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="449"/>
        <source>Halaman tidak dapat dimuat: %s</source>
        <translation>The page could not be loaded: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="455"/>
        <location filename="../../recap_app/ui/main_window.py" line="946"/>
        <source>Sertifikat tidak dapat dimuat ulang: %s</source>
        <translation>The certificate could not be loaded again: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="527"/>
        <source>Ruang kerja tidak utuh: %1 (Di jendela ini: halaman Log audit, Periksa; Berkas › Pulihkan dari cadangan.)</source>
        <translation>Workspace not intact: %1 (In this window: the Audit log page, Check; File › Restore from backup.)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="555"/>
        <location filename="../../recap_app/ui/main_window.py" line="561"/>
        <location filename="../../recap_app/ui/main_window.py" line="577"/>
        <source>Ruang kerja</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="555"/>
        <source>Berkas ruang kerja %s tidak ada lagi (dipindah atau dihapus di luar jendela ini). Jendela ditutup; data yang tersimpan ada di berkas itu.</source>
        <translation>The workspace file %s is gone (moved or deleted outside this window). The window closes; the stored data are in that file.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="561"/>
        <source>Berkas ruang kerja diganti di luar jendela ini (misalnya dipulihkan dari cadangan). Ruang kerja dibuka ulang.</source>
        <translation>The workspace file was replaced outside this window (for example restored from a backup). The workspace is opened again.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="578"/>
        <source>Jendela tidak lagi dapat membaca berkas ruang kerja seperti yang ditulis SQLite (%1): berkas itu, atau berkas pendampingnya -wal/-shm, diubah atau dihapus di luar jendela ini. Ruang kerja dibuka ulang dan diperiksa; yang sudah tersimpan di berkas tidak hilang.</source>
        <translation>The window can no longer read the workspace file as SQLite wrote it (%1): the file, or its companion files -wal/-shm, were changed or removed outside this window. The workspace is opened again and checked; nothing stored in the file is lost.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="617"/>
        <source>Ruang kerja diubah di luar jendela ini; tampilan dimuat ulang.</source>
        <translation>The workspace was changed outside this window; the view was loaded again.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="865"/>
        <source>recap_app %s — rekapitulasi suara berjenjang untuk KPU Provinsi, bekerja tanpa jaringan. Hasil resmi tetap rekapitulasi manual berjenjang dalam rapat pleno.</source>
        <translation>recap_app %s — tiered vote recapitulation for a KPU Provinsi, working offline. The legal result remains the manual tiered recap in the plenary.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/app.py" line="188"/>
        <location filename="../../recap_app/ui/main_window.py" line="928"/>
        <source>Buka ruang kerja</source>
        <extracomment>the size of the window pictured by ``recap gui --screenshot``: the screen of most office laptops
----------
a window made only to save a picture of it (``recap gui --screenshot``) leaves the clerk&apos;s remembered size and place alone</extracomment>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="929"/>
        <source>Ruang kerja recap_app (*.sqlite)</source>
        <translation>recap_app workspace (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="591"/>
        <location filename="../../recap_app/ui/main_window.py" line="966"/>
        <source>Pengguna dan peran</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="591"/>
        <location filename="../../recap_app/ui/main_window.py" line="966"/>
        <source>Ruang kerja kini memakai akun: masuk dengan akun Anda.</source>
        <translation>The workspace now uses accounts: log in with your account.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="999"/>
        <location filename="../../recap_app/ui/main_window.py" line="1008"/>
        <location filename="../../recap_app/ui/main_window.py" line="1029"/>
        <location filename="../../recap_app/ui/main_window.py" line="1035"/>
        <location filename="../../recap_app/ui/main_window.py" line="1038"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1000"/>
        <source>Cadangan ruang kerja (*.sqlite)</source>
        <translation>Workspace backups (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1004"/>
        <source>Ruang kerja %1 akan diganti dengan cadangan %2. Ruang kerja sekarang disimpan di sampingnya, tidak dihapus.</source>
        <translation>Workspace %1 will be replaced by the backup %2. The current workspace is kept beside it, not deleted.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1007"/>
        <source>Perhatian:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1008"/>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1008"/>
        <location filename="../../recap_app/ui/main_window.py" line="1032"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1015"/>
        <source>Kata sandi Anda untuk memulihkan:</source>
        <translation>Your password to restore:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1030"/>
        <source>Cadangan %1 berasal dari ruang kerja lain (rantai audit lain). Tetap pulihkan? Pilihan ini dicatat di log audit.</source>
        <translation>Backup %1 comes from another workspace (another audit chain). Restore it anyway? This choice is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1032"/>
        <source>Tetap pulihkan</source>
        <translation>Restore anyway</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1039"/>
        <source>Ruang kerja dipulihkan dari %1.</source>
        <translation>Workspace restored from %1.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1040"/>
        <source>Yang lama disimpan sebagai %1.</source>
        <translation>The old one is kept as %1.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1063"/>
        <location filename="../../recap_app/ui/pages/__init__.py" line="45"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="1063"/>
        <source>Impor belum tersedia di versi ini.</source>
        <translation>Import is not available in this version.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="42"/>
        <source>Kursi</source>
        <extracomment>{class name: module of this package that defines it}</extracomment>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="46"/>
        <source>Temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="47"/>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="49"/>
        <source>Pleno</source>
        <translation>Plenary</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="50"/>
        <source>Bandingkan</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="51"/>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="52"/>
        <source>Bundel</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="53"/>
        <source>Publikasi</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="54"/>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/app.py" line="332"/>
        <source>Ada draf yang belum disimpan: %s</source>
        <extracomment>the garbage collector&apos;s usual pace (Python&apos;s default thresholds), for the long-lived window; the command line that starts it sets a slower one for its short processes (recap_app/cli.py)</extracomment>
        <translation>Unsaved drafts kept for: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="351"/>
        <source>Data &amp;TPS di balik angka kecamatan…</source>
        <translation>&amp;TPS data behind a kecamatan figure…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="795"/>
        <source>Pilih sel di kolom kecamatan (di sertifikat atau di halaman Temuan) untuk melihat data TPS di baliknya.</source>
        <translation>Choose a cell in a kecamatan column (in the certificate or on the Findings page) to see the TPS data behind it.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="799"/>
        <location filename="../../recap_app/ui/main_window.py" line="800"/>
        <source>Membaca data TPS…</source>
        <translation>Reading the TPS data…</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="127"/>
        <source>CONTOH — data nyata Pilpres 2019 Jawa Tengah untuk latihan; bukan hasil resmi. Data itu hanya memuat DPT dan perolehan suara: isian lain kosong, jadi setiap sertifikat ada peringatan.</source>
        <translation>CONTOH (EXAMPLE) — real 2019 Central Java presidential figures for practice; not official results. They hold only the voter lists (DPT) and the votes: the other fields are blank, so every certificate has warnings.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="131"/>
        <source>SIMULASI — ruang kerja latihan; dokumen dan bundel ditandai SIMULASI.</source>
        <translation>SIMULASI (SIMULATION) — training workspace; documents and bundles are marked SIMULASI.</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="120"/>
        <location filename="../../recap_app/ui/settings.py" line="167"/>
        <source>Ruang kerja baru</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="133"/>
        <source>Simulasi (latihan; semua dokumen ditandai SIMULASI)</source>
        <translation>Simulation (training; every document marked SIMULASI)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="128"/>
        <source>Pi&amp;lih…</source>
        <translation>Ch&amp;oose…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="134"/>
        <source>&amp;Pemilihan</source>
        <translation>&amp;Election</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="137"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="142"/>
        <source>Buat</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="142"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="148"/>
        <source>Berkas ruang kerja</source>
        <translation>Workspace file</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="149"/>
        <source>Ruang kerja recap_app (*.sqlite)</source>
        <translation>recap_app workspace (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../recap_app/ui/users.py" line="310"/>
        <source>Kata sandi kunci kantor</source>
        <translation>Office key passphrase</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="312"/>
        <source>Kunci kantor dilindungi kata sandi. Tulis kata sandinya untuk menandatangani %s.</source>
        <translation>The office key is protected by a passphrase. Type it to sign %s.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="313"/>
        <source>berkas ini</source>
        <translation>this file</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="320"/>
        <source>&amp;Kata sandi kunci</source>
        <translation>Key &amp;passphrase</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="322"/>
        <source>Tandatangani</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="322"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PlenaryPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="45"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="200"/>
        <source>Rapat pleno</source>
        <translation>Plenary meeting</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="55"/>
        <source>misalnya 09.00</source>
        <translation>e.g. 09.00</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="56"/>
        <source>misalnya 17.30</source>
        <translation>e.g. 17.30</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="58"/>
        <source>JJ.MM, misalnya 09.00</source>
        <translation>HH.MM, e.g. 09.00</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="62"/>
        <source>misalnya Hotel Patra Semarang</source>
        <translation>e.g. Hotel Patra Semarang</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="66"/>
        <source>&amp;Simpan data rapat</source>
        <translation>&amp;Save the meeting details</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="70"/>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="73"/>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="74"/>
        <source>&amp;Jam mulai</source>
        <translation>&amp;Time</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="77"/>
        <source>Tem&amp;pat</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="82"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="213"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="238"/>
        <source>Daftar hadir</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="83"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="88"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="83"/>
        <source>Jabatan / unsur</source>
        <translation>Position / body</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="83"/>
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="93"/>
        <source>ha&amp;dir</source>
        <translation>pre&amp;sent</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="97"/>
        <source>T&amp;ambah</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="100"/>
        <source>&amp;Hapus yang dipilih</source>
        <translation>&amp;Remove the chosen</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="101"/>
        <source>Isi dari &amp;pengaturan kantor</source>
        <translation>Fill from office &amp;settings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="102"/>
        <source>Ketua dan anggota dari Pengaturan kantor yang belum ada di daftar.</source>
        <translation>The chair and members of the office settings not on the list yet.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="107"/>
        <source>Kejadian khusus dan keberatan saksi (formulir DC2)</source>
        <translation>Special events and witness objections (form DC2)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="108"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="108"/>
        <source>Jenis dan pihak</source>
        <translation>Kind and party</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="108"/>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="113"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="178"/>
        <source>Keberatan saksi</source>
        <translation>Witness objection</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="114"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="178"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="248"/>
        <source>Kejadian khusus</source>
        <translation>Special event</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="117"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="122"/>
        <source>— tidak ada —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="128"/>
        <source>Uraian selengkapnya, sebagaimana disampaikan dalam rapat</source>
        <translation>The full description, as stated in the meeting</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="129"/>
        <source>&amp;Catat kejadian/keberatan (Ctrl+Enter)</source>
        <translation>&amp;Record the event/objection (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="130"/>
        <source>J&amp;enis</source>
        <translation>K&amp;ind</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="131"/>
        <source>Saksi pa&amp;slon</source>
        <translation>Witness of &amp;pair</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="132"/>
        <source>&amp;Kab/kota</source>
        <translation>Re&amp;gency</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="133"/>
        <source>&amp;Uraian</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="166"/>
        <source>Tercatat: %s</source>
        <translation>Recorded: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="168"/>
        <source>Belum dicatat: berita acara mencetak titik-titik untuk diisi tangan.</source>
        <translation>Not recorded: the minutes print dotted lines to fill in by hand.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="173"/>
        <source>hadir</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="173"/>
        <source>tidak hadir</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="180"/>
        <source>paslon %s</source>
        <translation>pair %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="207"/>
        <source>Menyimpan data rapat…</source>
        <translation>Saving the meeting details…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="207"/>
        <source>Data rapat pleno disimpan.</source>
        <translation>Plenary details saved.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="213"/>
        <source>Tulis nama peserta rapat dulu.</source>
        <translation>Write the attendee’s name first.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="217"/>
        <location filename="../../recap_app/ui/pages/plenary.py" line="242"/>
        <source>Mencatat peserta…</source>
        <translation>Recording the attendee…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="217"/>
        <source>%s dicatat dalam daftar hadir.</source>
        <translation>%s recorded in the attendance.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="226"/>
        <source>Menghapus peserta…</source>
        <translation>Removing the attendee…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="226"/>
        <source>%s dihapus dari daftar hadir.</source>
        <translation>%s removed from the attendance.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="238"/>
        <source>Ketua dan anggota di Pengaturan kantor sudah ada di daftar (atau belum diisi di Berkas › Pengaturan kantor).</source>
        <translation>The chair and members of the office settings are on the list already (or not yet set in File › Office settings).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="242"/>
        <source>%s peserta dari pengaturan kantor dicatat.</source>
        <translation>%s attendees recorded from the office settings.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="248"/>
        <source>Tulis uraian kejadian atau keberatan dulu.</source>
        <translation>Write the description of the event or objection first.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="252"/>
        <source>Mencatat…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/plenary.py" line="252"/>
        <source>Dicatat untuk formulir DC2.</source>
        <translation>Recorded for form DC2.</translation>
    </message>
</context>
<context>
    <name>PlenaryWindow</name>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="45"/>
        <source>Mode pleno</source>
        <translation>Plenary mode</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="77"/>
        <source>Kabupaten/kota ini</source>
        <translation>This regency</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="76"/>
        <source>Total provinsi berjalan</source>
        <translation>Running province total</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="76"/>
        <source>Total dapil berjalan</source>
        <translation>Running district total</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="87"/>
        <source>Suara sah</source>
        <translation>Valid votes</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="87"/>
        <source>Suara tidak sah</source>
        <translation>Invalid votes</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="104"/>
        <source>← Sebelumnya</source>
        <translation>← Previous</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="105"/>
        <source>Berikutnya →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="106"/>
        <source>Tutup (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="138"/>
        <source>Rapat pleno rekapitulasi</source>
        <translation>Recapitulation plenary</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="151"/>
        <source>%1 dari %2 dibacakan</source>
        <translation>%1 of %2 read out</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="153"/>
        <source>Kab/kota ini</source>
        <translation>This regency</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="154"/>
        <source>Provinsi (berjalan)</source>
        <translation>Province (running)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="154"/>
        <source>Dapil (berjalan)</source>
        <translation>District (running)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="161"/>
        <source>✔ DITETAPKAN</source>
        <translation>✔ ADOPTED</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="161"/>
        <source>✖ ADA KESALAHAN TERBUKA</source>
        <translation>✖ OPEN ERROR</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="162"/>
        <source>▲ ada peringatan yang belum dijelaskan</source>
        <translation>▲ warnings not yet explained</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="162"/>
        <source>✔ sesuai, belum ditetapkan</source>
        <translation>✔ consistent, not adopted</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="163"/>
        <source>belum diperiksa</source>
        <translation>not yet checked</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="163"/>
        <source>sertifikat belum masuk</source>
        <translation>certificate not received</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="126"/>
        <source>Cetak dokumen</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="145"/>
        <source>&amp;Printer</source>
        <translation>&amp;Printer</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="146"/>
        <source>&amp;Jumlah salinan</source>
        <translation>&amp;Copies</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="147"/>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="147"/>
        <source>setiap halaman dengan arahnya sendiri (tegak atau mendatar)</source>
        <translation>each page in its own orientation (portrait or landscape)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="151"/>
        <source>Tidak ada printer yang terpasang. Simpan PDF lalu cetak dari komputer lain.</source>
        <translation>No printer is installed. Save the PDF and print it from another computer.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="155"/>
        <source>Setiap pencetakan dicatat di log audit: siapa, dokumen, sidik data, printer dan jumlah salinan.</source>
        <translation>Every print is recorded in the audit log: who, documents, data fingerprints, printer and copies.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="160"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/printing.py" line="160"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="115"/>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="116"/>
        <source>Ditetapkan</source>
        <translation>Adopted</translation>
    </message>
</context>
<context>
    <name>ProvinceModel</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="179"/>
        <source>JUMLAH</source>
        <translation>TOTAL</translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <location filename="../../recap_app/ui/pages/province.py" line="54"/>
        <source>PROVINSI</source>
        <translation>PROVINCE</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/province.py" line="54"/>
        <source>DAPIL %s</source>
        <translation>DISTRICT %s</translation>
    </message>
</context>
<context>
    <name>PublicationPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="37"/>
        <source>Publikasi menulis hasil rekapitulasi sebagai situs statis (halaman, grafik, data JSON dan CSV) yang dapat dipasang di server web mana pun. Setiap berkas tercatat dengan sidiknya di manifest yang ditandatangani kunci kantor; hanya berkas yang berubah yang ditulis ulang.</source>
        <translation>Publication writes the recapitulation results as a static site (pages, charts, JSON and CSV data) that any web server can serve. Every file is listed with its fingerprint in a manifest signed with the office key; only the files that changed are written again.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="56"/>
        <source>Folder situs (baru, kosong, atau publikasi sebelumnya)</source>
        <translation>Site folder (new, empty, or an earlier publication)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="57"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="61"/>
        <source>Folder situs:</source>
        <translation>Site folder:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="64"/>
        <source>opsional: tujuan rclone, misalnya situs:hasil</source>
        <translation>optional: rclone destination, e.g. site:results</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="65"/>
        <source>Kirim ke:</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="68"/>
        <source>Terbitkan</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="70"/>
        <source>Verifikasi situs</source>
        <translation>Verify site</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="92"/>
        <source>Belum pernah diterbitkan dari ruang kerja ini.</source>
        <translation>Not published from this workspace yet.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="97"/>
        <source>Publikasi terakhir: %1 oleh %2, ke %3 — %4 berkas (%5 berubah); data per %6; manifest %7.</source>
        <translation>Last publication: %1 by %2, to %3 — %4 files (%5 changed); data as of %6; manifest %7.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="106"/>
        <source>Tidak ada perubahan data sejak publikasi terakhir.</source>
        <translation>No data changed since the last publication.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="112"/>
        <source>Sejak itu: %1 perubahan data.</source>
        <translation>Since then: %1 data changes.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="114"/>
        <source>Sertifikat yang berubah: %1.</source>
        <translation>Certificates changed: %1.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="123"/>
        <source>Folder situs</source>
        <translation>Site folder</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="145"/>
        <source>Memeriksa folder tujuan…</source>
        <translation>Checking the target folder…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="145"/>
        <source>Menyusun halaman, data dan manifest bertanda tangan…</source>
        <translation>Building pages, data and the signed manifest…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="146"/>
        <source>Menulis berkas yang berubah…</source>
        <translation>Writing the files that changed…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="146"/>
        <source>Mengirim berkas yang berubah lewat rclone…</source>
        <translation>Sending the files that changed with rclone…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="150"/>
        <source>situs ini</source>
        <translation>this site</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="160"/>
        <source>Situs diterbitkan ke %1: %2 berkas; %3 baru/berubah, %4 dihapus, %5 tetap.</source>
        <translation>Site published to %1: %2 files; %3 new/changed, %4 removed, %5 unchanged.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="163"/>
        <source>SHA-256 manifest: %s</source>
        <translation>Manifest SHA-256: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="165"/>
        <source>Bertanda %s: setiap halaman dan berkas data memuat tanda itu.</source>
        <translation>Marked %s: every page and data file carries the mark.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="167"/>
        <source>Pengiriman GAGAL (situs di folder sudah diterbitkan): %s</source>
        <translation>Sending FAILED (the site in the folder is published): %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="169"/>
        <source>Dikirim ke %1: %2 berkas diunggah, %3 dihapus.</source>
        <translation>Sent to %1: %2 files uploaded, %3 removed.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="172"/>
        <source>Berkas yang berubah:</source>
        <translation>Files changed:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="175"/>
        <source>Tidak ada yang berubah sejak publikasi sebelumnya.</source>
        <translation>Nothing changed since the previous publication.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="179"/>
        <source>Menerbitkan situs…</source>
        <translation>Publishing the site…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="181"/>
        <location filename="../../recap_app/ui/pages/publication.py" line="202"/>
        <source>GAGAL: %s</source>
        <translation>FAILED: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="190"/>
        <source>Memeriksa tanda tangan dan setiap berkas…</source>
        <translation>Checking the signature and every file…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="194"/>
        <source>SAH: tanda tangan manifest benar dan %1 berkas cocok; tidak ada berkas tambahan.</source>
        <translation>VALID: the manifest&apos;s signature holds and %1 files match; no extra file.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="197"/>
        <source>TIDAK SAH: %1 masalah.</source>
        <translation>NOT VALID: %1 problems.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="201"/>
        <source>Memverifikasi situs…</source>
        <translation>Verifying the site…</translation>
    </message>
</context>
<context>
    <name>RegencyModel</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="91"/>
        <source>Kode</source>
        <extracomment>the background of the regencies of every other dapil in the list (a legislative contest) True at a kabupaten/kota office: the rows are its kecamatan (docs/tiers.md) True for a contest with several districts: a fifth column names each row&apos;s dapil</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="91"/>
        <source>Kabupaten/Kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="91"/>
        <source>Kecamatan</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="92"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="92"/>
        <source>Revisi</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="92"/>
        <source>Dapil</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="124"/>
        <source>draf</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="137"/>
        <source>dapil %s</source>
        <translation>electoral district %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="142"/>
        <source>(ada draf)</source>
        <translation>(draft kept)</translation>
    </message>
</context>
<context>
    <name>SeatsPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="45"/>
        <source>Dapil:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="78"/>
        <source>Kursi belum dapat dihitung: %s</source>
        <translation>Seats cannot be computed yet: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="84"/>
        <source>keputusan KPU Provinsi</source>
        <translation>decision of KPU Provinsi</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="85"/>
        <source>perhitungan saja; kursi ditetapkan %s</source>
        <translation>a calculation only; the seats are set by %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="86"/>
        <source>%1 kursi · %2 dari %3 sertifikat · %4</source>
        <translation>%1 seats · %2 of %3 certificates · %4</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="89"/>
        <source>ditetapkan %s</source>
        <translation>adopted %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="92"/>
        <source>SERI: %s</source>
        <translation>TIE: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="101"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="101"/>
        <location filename="../../recap_app/ui/pages/seats.py" line="126"/>
        <source>Partai</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="101"/>
        <location filename="../../recap_app/ui/pages/seats.py" line="126"/>
        <source>Suara</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="102"/>
        <source>Kursi</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="117"/>
        <source>Kursi ke-%s</source>
        <translation>Seat %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="126"/>
        <source>No. urut</source>
        <translation>Ballot no.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="126"/>
        <source>Calon terpilih</source>
        <translation>Elected candidate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="126"/>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="127"/>
        <source>Dasar</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="23"/>
        <source>Pengaturan kantor</source>
        <translation>Office settings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="38"/>
        <source>&amp;Nama kantor</source>
        <translation>Office &amp;name</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="39"/>
        <source>Ko&amp;de kantor</source>
        <translation>Office co&amp;de</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="40"/>
        <source>K&amp;ota</source>
        <translation>Ci&amp;ty</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="41"/>
        <source>&amp;Ketua</source>
        <translation>&amp;Chair</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="42"/>
        <source>&amp;Anggota (satu per baris)</source>
        <translation>&amp;Members (one per line)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="52"/>
        <source>hadir</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="52"/>
        <source>tidak hadir</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="53"/>
        <source>hadir, menolak menandatangani</source>
        <translation>present, refused to sign</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="70"/>
        <source>Saksi paslon %s</source>
        <translation>Witness of pair %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="70"/>
        <source>Saksi %s</source>
        <translation>Witness %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="72"/>
        <source>Ke&amp;rtas dokumen</source>
        <translation>Document pape&amp;r</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="74"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="74"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="81"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="25"/>
        <source>belum masuk</source>
        <translation>not received</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="26"/>
        <source>draf</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="27"/>
        <source>ada kesalahan</source>
        <translation>has errors</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="28"/>
        <source>ada peringatan</source>
        <translation>has warnings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="29"/>
        <source>sesuai</source>
        <translation>consistent</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="30"/>
        <source>ditetapkan</source>
        <translation>adopted</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="37"/>
        <source>kesalahan</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="38"/>
        <source>peringatan</source>
        <translation>warning</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="246"/>
        <source>Ctrl+Enter: simpan · Esc: batal</source>
        <translation>Ctrl+Enter: save · Esc: cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="246"/>
        <source>Enter: simpan · Esc: batal</source>
        <translation>Enter: save · Esc: cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="248"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="248"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="58"/>
        <source>&lt;b&gt;Total provinsi&lt;/b&gt;</source>
        <translation>&lt;b&gt;Province total&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="58"/>
        <source>&lt;b&gt;Total kabupaten/kota&lt;/b&gt;</source>
        <extracomment>True at a kabupaten/kota office (docs/tiers.md): the total is the regency&apos;s</extracomment>
        <translation>&lt;b&gt;Regency/city total&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="90"/>
        <source>Suara sah: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Valid votes: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="93"/>
        <source>Diterima %1 dari %2 · Ditetapkan %3 dari %2</source>
        <translation>Received %1 of %2 · Adopted %3 of %2</translation>
    </message>
</context>
<context>
    <name>TpsDialog</name>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="50"/>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="50"/>
        <source>TPS</source>
        <translation>TPS</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="50"/>
        <source>Baris berkas</source>
        <translation>File line</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="50"/>
        <source>Angka</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="51"/>
        <source>Temuan TPS</source>
        <translation>TPS findings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="60"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="62"/>
        <source>Data TPS</source>
        <translation>TPS data</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="63"/>
        <source>Data TPS tidak dapat ditampilkan</source>
        <translation>The TPS data cannot be shown</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="69"/>
        <source>Data TPS di balik angka kecamatan %1</source>
        <translation>TPS data behind the figures of kecamatan %1</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="70"/>
        <source>Kecamatan %1 (%2), %3: %4 TPS di %5 desa/kelurahan</source>
        <translation>Kecamatan %1 (%2), %3: %4 polling stations (TPS) in %5 villages</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="73"/>
        <source>Data TPS sumber %1, impor #%2 (berkas %3): bahan pembanding, bukan hasil resmi. Tidak ada yang diubah dari sini.</source>
        <translation>TPS data from source %1, import #%2 (file %3): material to compare with, not the official result. Nothing is changed from here.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="78"/>
        <source>&amp;Isian:</source>
        <translation>&amp;Field:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="115"/>
        <source>(tanpa nama)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="134"/>
        <source>Jumlah %1 TPS: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Sum of %1 TPS: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="137"/>
        <source>(%1 TPS kosong: jumlahnya belum lengkap)</source>
        <translation>(%1 TPS blank: the sum is incomplete)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="139"/>
        <source>Belum ada sertifikat yang memuat kecamatan ini.</source>
        <translation>No certificate holds this kecamatan yet.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="142"/>
        <source>Sertifikat %1, revisi %2: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Certificate %1, revision %2: &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="146"/>
        <source>Selisih: – (angka sertifikat kosong)</source>
        <translation>Difference: – (the certificate&apos;s figure is blank)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="149"/>
        <source>Selisih (sertifikat − jumlah TPS): &lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt;</source>
        <translation>Difference (certificate − TPS sum): &lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/tps_view.py" line="153"/>
        <source>Petunjuk salah ketik: %1.</source>
        <translation>Typing-fault hints: %1.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../recap_app/ui/users.py" line="85"/>
        <source>Pengguna dan peran</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="90"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="90"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="90"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="90"/>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="96"/>
        <source>&amp;Tambah akun…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="101"/>
        <source>Ubah &amp;peran</source>
        <translation>Change &amp;role</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="102"/>
        <location filename="../../recap_app/ui/users.py" line="177"/>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="103"/>
        <source>&amp;Kata sandi baru…</source>
        <translation>New &amp;password…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="112"/>
        <source>Kata sandi k&amp;unci kantor…</source>
        <translation>Office &amp;key passphrase…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="115"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="126"/>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="126"/>
        <source>nonaktif</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="130"/>
        <source>Belum ada akun: ruang kerja dalam mode terbuka (siapa pun dapat bertindak dengan menulis namanya). Buat akun admin pertama untuk mewajibkan kata sandi.</source>
        <translation>No accounts yet: the workspace is in open mode (anyone may act by writing a name). Create the first admin account to require passwords.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="133"/>
        <source>Hanya admin yang dapat mengubah akun. Peran menentukan apa yang boleh dilakukan; setiap perubahan tercatat di log audit.</source>
        <translation>Only an admin may change accounts. The role decides what may be done; every change is in the audit log.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="142"/>
        <source>Kunci kantor: belum ada di komputer ini. Ruang kerja yang memakai akun menandatangani bundel dan situs hanya dengan kunci berkata sandi, yang dibuat ketua atau admin di sini.</source>
        <translation>Office key: none on this computer yet. A workspace with accounts signs bundles and the site only with a key that has a passphrase, made here by the ketua or an admin.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="147"/>
        <source>Kunci kantor: dilindungi kata sandi (sidik %s).</source>
        <translation>Office key: protected by a passphrase (fingerprint %s).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="148"/>
        <source>Kunci kantor: belum dilindungi kata sandi (sidik %s); ruang kerja yang memakai akun tidak menandatangani dengannya.</source>
        <translation>Office key: no passphrase yet (fingerprint %s); a workspace with accounts does not sign with it.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="177"/>
        <source>&amp;Aktifkan</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="226"/>
        <location filename="../../recap_app/ui/users.py" line="235"/>
        <location filename="../../recap_app/ui/users.py" line="238"/>
        <source>Kata sandi kunci kantor</source>
        <translation>Office key passphrase</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/users.py" line="239"/>
        <source>Kunci kantor %s kini dilindungi kata sandi (sidik %s). Kata sandi itu diminta setiap kali bundel atau situs ditandatangani; simpan di tempat aman.</source>
        <translation>The office key %s is now protected by a passphrase (fingerprint %s). It is asked for every time a bundle or the site is signed; keep it somewhere safe.</translation>
    </message>
</context>
<context>
    <name>VotesChart</name>
    <message>
        <location filename="../../recap_app/ui/chart.py" line="89"/>
        <source>belum ada data</source>
        <translation>no data yet</translation>
    </message>
</context>
</TS>
