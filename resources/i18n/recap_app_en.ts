<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="271" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="271" />
        <source>Waktu (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="271" />
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="271" />
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="272" />
        <source>Objek</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="272" />
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="36" />
        <source>Semua wilayah</source>
        <translation>All regions</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="43" />
        <source>Tanggal:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="52" />
        <source>cari teks…</source>
        <translation>search text…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="56" />
        <source>Periksa rantai</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="81" />
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="82" />
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="113" />
        <source>%1 catatan ditampilkan (terbaru di atas; paling banyak 2000).</source>
        <translation>%1 records shown (newest first; at most 2000).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="119" />
        <source>Rantai audit utuh: %s catatan diperiksa.</source>
        <translation>Audit chain intact: %s records checked.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/audit.py" line="121" />
        <source>RANTAI AUDIT RUSAK: %s</source>
        <translation>AUDIT CHAIN BROKEN: %s</translation>
    </message>
</context>
<context>
    <name>BundlesPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="33" />
        <source>Bundel adalah berkas bertanda tangan untuk mengirim data rekapitulasi ke tingkat atas atau menerima data dari kabupaten/kota. Verifikasi memeriksa tanda tangan, sidik jari setiap isi dan bentuk data sebelum apa pun disimpan.</source>
        <translation>A bundle is a signed file that carries recapitulation data to the tier above or brings in data from a regency. Verification checks the signature, the fingerprint of every member and the shape of the data before anything is stored.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="39" />
        <source>Seluruh data (bukan hanya perubahan)</source>
        <translation>All data (not only changes)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="40" />
        <source>Sertakan berkas asli</source>
        <translation>Include original files</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="41" />
        <source>Ekspor bundel…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="42" />
        <source>Verifikasi bundel…</source>
        <translation>Verify bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="43" />
        <source>Impor bundel…</source>
        <translation>Import bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="47" />
        <source>Percayai kunci pengirim baru</source>
        <translation>Trust the sender's new key</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="48" />
        <source>Hanya bila sidik jari kunci sudah dicocokkan dengan pengirim lewat jalur lain.</source>
        <translation>Only when the key fingerprint was checked with the sender by another channel.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="62" />
        <source>&lt;b&gt;Konflik menunggu keputusan&lt;/b&gt; (sertifikat yang berubah di kedua sisi)</source>
        <translation>&lt;b&gt;Conflicts waiting for a decision&lt;/b&gt; (certificates changed on both sides)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="68" />
        <source>Pakai data kita</source>
        <translation>Keep ours</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="69" />
        <source>Pakai data kiriman</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="83" />
        <source>Ekspor bundel</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="84" />
        <source>Bundel (*.zip)</source>
        <translation>Bundle (*.zip)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="88" />
        <source>Menyusun dan menandatangani bundel…</source>
        <translation>Building and signing the bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="91" />
        <source>Bundel diekspor: %s</source>
        <translation>Bundle exported: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="92" />
        <source>Nomor urut %1 (dasar %2), %3 sertifikat, %4 revisi, %5 catatan audit, %6 bait.</source>
        <translation>Sequence %1 (base %2), %3 certificates, %4 revisions, %5 audit records, %6 bytes.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="96" />
        <source>Sidik jari manifes: %s</source>
        <translation>Manifest fingerprint: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="98" />
        <source>Mengekspor bundel…</source>
        <translation>Exporting bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="100" />
        <source>GAGAL: %s</source>
        <translation>FAILED: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="104" />
        <source>Verifikasi bundel</source>
        <translation>Verify bundle</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="105" />
        <location filename="../../recap_app/ui/pages/bundles.py" line="131" />
        <source>Bundel (*.zip);;Semua berkas (*)</source>
        <translation>Bundle (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="113" />
        <source>SAH: tanda tangan, sidik jari isi dan bentuk data benar.</source>
        <translation>VALID: signature, member fingerprints and data shape are correct.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="114" />
        <source>Pengirim: %1 (%2), tingkat %3</source>
        <translation>Sender: %1 (%2), tier %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="116" />
        <source>Sidik jari kunci pengirim: %s</source>
        <translation>Sender's key fingerprint: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="117" />
        <source>Pemilihan: %s</source>
        <translation>Election: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="118" />
        <source>Nomor urut: %s</source>
        <translation>Sequence: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="119" />
        <source>Sertifikat: %s</source>
        <translation>Certificates: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="121" />
        <source>Bundel SIMULASI.</source>
        <translation>SIMULASI (simulation) bundle.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="124" />
        <source>Memverifikasi bundel…</source>
        <translation>Verifying bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="126" />
        <source>TIDAK SAH: %s</source>
        <translation>NOT VALID: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="130" />
        <source>Impor bundel</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="141" />
        <source>Mengimpor bundel…</source>
        <translation>Importing bundle…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="143" />
        <source>DITOLAK: %s</source>
        <translation>REFUSED: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="157" />
        <source>%1 %2 — dari %3 nomor %4, %5 isian berbeda</source>
        <translation>%1 %2 — from %3 number %4, %5 figures differ</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/bundles.py" line="180" />
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>CertificateEditor</name>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="431" />
        <source>Pilih kabupaten/kota di daftar kiri untuk membuka sertifikatnya.</source>
        <translation>Choose a regency in the list on the left to open its certificate.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="440" />
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="441" />
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="442" />
        <source>Simpan sertifikat</source>
        <translation>Save certificate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="444" />
        <location filename="../../recap_app/ui/editor.py" line="819" />
        <location filename="../../recap_app/ui/editor.py" line="821" />
        <source>Buang draf</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="455" />
        <source>Sel biru muda: jumlah · merah: kesalahan · kuning: peringatan · tebal: diubah</source>
        <translation>Light blue cells: sums · red: error · yellow: warning · bold: changed</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="457" />
        <source>Entri kedua</source>
        <translation>Second entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="460" />
        <source>Ketik ulang sertifikat oleh orang lain tanpa melihat entri pertama.</source>
        <translation>Another person types the certificate again without seeing the first entry.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="462" />
        <source>Keputusan entri ganda…</source>
        <translation>Double-entry decision…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="466" />
        <source>Tetapkan</source>
        <translation>Adopt</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="468" />
        <source>Tetapkan sertifikat ini (ditolak selama ada kesalahan yang belum diselesaikan).</source>
        <translation>Adopt this certificate (refused while an unresolved error remains).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="469" />
        <source>Buka kembali…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="505" />
        <source>ENTRI KEDUA: ketik ulang seluruh sertifikat dari kertasnya; entri pertama disembunyikan.</source>
        <translation>SECOND ENTRY: type the whole certificate again from the paper; the first entry is hidden.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="508" />
        <source>Draf entri kedua dipulihkan.</source>
        <translation>Second-entry draft restored.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="511" />
        <source>Draf yang belum disimpan dipulihkan (terakhir %1 oleh %2).</source>
        <translation>Unsaved draft restored (last saved %1 by %2).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="515" />
        <source>Revisi %1, %2 oleh %3.</source>
        <translation>Revision %1, %2 by %3.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="520" />
        <source>Belum ada sertifikat yang masuk; isian baru.</source>
        <translation>No certificate received yet; new entry.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="525" />
        <source>Sertifikat sudah ditetapkan: hanya dapat dibaca (buka kembali oleh ketua).</source>
        <translation>Certificate adopted: read only (the chair can reopen it).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="527" />
        <source>Sertifikat %1 — %2 %3</source>
        <translation>Certificate %1 — %2 %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="530" />
        <source>ENTRI KEDUA</source>
        <translation>SECOND ENTRY</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="560" />
        <source>Temuan tidak dapat dimuat: %s</source>
        <translation>Findings could not be loaded: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="604" />
        <source>Tempel dibatalkan, tidak ada yang diubah: %s</source>
        <translation>Paste cancelled, nothing changed: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../recap_app/ui/editor.py" line="608" />
        <source>Tempel %n sel</source>
        <translation>
            <numerusform>Paste %n cell</numerusform><numerusform>Paste %n cells</numerusform></translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="634" />
        <source>Kosongkan sel</source>
        <translation>Clear cells</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="649" />
        <source>Draf tidak tersimpan: %s</source>
        <translation>Draft not saved: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="693" />
        <source>Entri ganda</source>
        <translation>Double entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="729" />
        <source>Alasan perubahan</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="730" />
        <source>Sertifikat ini sudah diterima. Tuliskan alasan perubahan (misalnya: salah ketik, dicocokkan dengan sertifikat asli):</source>
        <translation>This certificate was already received. Write the reason for the change (for example: typing error, checked against the original certificate):</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="732" />
        <source>Simpan perubahan</source>
        <translation>Save change</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="738" />
        <source>entri manual</source>
        <translation>manual entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="741" />
        <source>Tidak tersimpan</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="746" />
        <source>Sertifikat %s disimpan sebagai revisi baru.</source>
        <translation>Certificate %s saved as a new revision.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="756" />
        <source>Entri kedua tidak tersimpan</source>
        <translation>Second entry not saved</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="761" />
        <source>Entri kedua %s disimpan; menunggu keputusan koordinator.</source>
        <translation>Second entry %s saved; waiting for the coordinator's decision.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="794" />
        <source>Menetapkan…</source>
        <translation>Adopting…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="795" />
        <source>Tidak dapat ditetapkan</source>
        <translation>Cannot be adopted</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="795" />
        <source>Sertifikat %s ditetapkan.</source>
        <translation>Certificate %s adopted.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="802" />
        <location filename="../../recap_app/ui/editor.py" line="804" />
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="803" />
        <source>Membuka kembali sertifikat yang sudah ditetapkan adalah tindakan ketua. Tuliskan alasannya:</source>
        <translation>Reopening an adopted certificate is the chair's act. Write the reason:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="810" />
        <source>Membuka kembali…</source>
        <translation>Reopening…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="811" />
        <source>Tidak dapat dibuka kembali</source>
        <translation>Cannot be reopened</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="811" />
        <source>Sertifikat %s dibuka kembali.</source>
        <translation>Certificate %s reopened.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="820" />
        <source>Buang semua isian yang belum disimpan untuk %s?</source>
        <translation>Discard every unsaved entry for %s?</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="821" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="826" />
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="466" />
        <source>Lompat ke blok partai (suara partai, calon, jumlah).</source>
        <translation>Jump to a party's block (party-only votes, candidates, total).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="575" />
        <source>Lompat ke partai…</source>
        <translation>Jump to party…</translation>
    </message>
</context>
<context>
    <name>CertificateModel</name>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="254" />
        <source>Sel jumlah (diisi otomatis dari bagian-bagiannya bila cocok).</source>
        <translation>Sum cell (filled from its parts when they agree).</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="257" />
        <source>Sebelumnya: %s</source>
        <translation>Before: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="257" />
        <source>kosong</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/editor.py" line="277" />
        <source>Ubah sel</source>
        <translation>Change cell</translation>
    </message>
</context>
<context>
    <name>DapilBox</name>
    <message>
        <location filename="../../recap_app/ui/dapil.py" line="77" />
        <source>Semua dapil</source>
        <translation>All districts</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="160" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/app.py" line="189" />
        <source>Kesalahan program</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/app.py" line="190" />
        <source>Terjadi kesalahan di dalam program (bukan kesalahan Anda). Data yang sudah disimpan tetap utuh. Laporan: %s</source>
        <translation>An error occurred inside the program (not your mistake). Data already saved is intact. Report: %s</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="61" />
        <source>&lt;b&gt;Dokumen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Documents&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="66" />
        <source>Kertas:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="74" />
        <source>Kab/kota:</source>
        <translation>Regency:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="80" />
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="81" />
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="82" />
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="146" />
        <location filename="../../recap_app/ui/pages/documents.py" line="153" />
        <location filename="../../recap_app/ui/pages/documents.py" line="194" />
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="146" />
        <source>Pilih sedikitnya satu dokumen.</source>
        <translation>Choose at least one document.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="150" />
        <source>Menyusun PDF…</source>
        <translation>Building the PDF…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="150" />
        <source>Menggambar halaman…</source>
        <translation>Drawing the pages…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="151" />
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="164" />
        <source>%1 halaman. Sidik jari: %2</source>
        <translation>%1 pages. Fingerprints: %2</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="167" />
        <source>Pratinjau halaman memerlukan pdftoppm (paket poppler-utils). PDF tetap dapat disimpan dan dibuka dengan penampil PDF.</source>
        <translation>Page preview needs pdftoppm (package poppler-utils). The PDF can still be saved and opened in a PDF viewer.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="185" />
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="186" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="190" />
        <location filename="../../recap_app/ui/pages/documents.py" line="192" />
        <source>Menyimpan PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="193" />
        <source>PDF disimpan: %s</source>
        <translation>PDF saved: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="199" />
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/documents.py" line="199" />
        <source>Buat pratinjau dulu; halaman yang tampil itulah yang dicetak. Tanpa pdftoppm, simpan PDF lalu cetak dari penampil PDF.</source>
        <translation>Make a preview first; the pages shown are the pages printed. Without pdftoppm, save the PDF and print it from a PDF viewer.</translation>
    </message>
</context>
<context>
    <name>DoubleEntryDialog</name>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="33" />
        <source>Keputusan entri ganda — %s</source>
        <translation>Double-entry decision — %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="40" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="44" />
        <source>%1 isian berbeda dari %2 yang dibandingkan. Pilih nilai yang sesuai dengan sertifikat kertas untuk setiap isian.</source>
        <translation>%1 of %2 compared figures differ. For each, choose the value that matches the paper certificate.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="51" />
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="51" />
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="51" />
        <source>Entri 1</source>
        <translation>Entry 1</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="52" />
        <source>Entri 2</source>
        <translation>Entry 2</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="52" />
        <source>Pakai</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="62" />
        <source>entri 1</source>
        <translation>entry 1</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="63" />
        <source>entri 2</source>
        <translation>entry 2</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="68" />
        <source>Kembalikan untuk diketik ulang…</source>
        <translation>Send back to be typed again…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="71" />
        <source>Simpan keputusan</source>
        <translation>Save decision</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="71" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="88" />
        <location filename="../../recap_app/ui/double_entry.py" line="102" />
        <source>Entri ganda</source>
        <translation>Double entry</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="95" />
        <location filename="../../recap_app/ui/double_entry.py" line="96" />
        <source>Kembalikan</source>
        <translation>Send back</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/double_entry.py" line="95" />
        <source>Mengapa sertifikat ini harus diketik ulang?</source>
        <translation>Why must this certificate be typed again?</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="187" />
        <source>Jenis</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="187" />
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="187" />
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="187" />
        <source>Kolom / isian</source>
        <translation>Column / field</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="188" />
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="188" />
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="211" />
        <source>dikesampingkan: %s</source>
        <translation>overridden: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="213" />
        <source>dijelaskan: %s</source>
        <translation>explained: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="214" />
        <source>terbuka</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="35" />
        <source>Jenis:</source>
        <translation>Severity:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="38" />
        <location filename="../../recap_app/ui/pages/findings.py" line="45" />
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="39" />
        <source>Kesalahan</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="40" />
        <source>Peringatan</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="42" />
        <source>Wilayah:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="46" />
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="50" />
        <source>Periksa ulang</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="84" />
        <source>Buka sel</source>
        <translation>Open cell</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="85" />
        <source>Jelaskan peringatan…</source>
        <translation>Explain warning…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="86" />
        <source>Kesampingkan kesalahan… (ketua)</source>
        <translation>Override error… (chair)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="108" />
        <source>%1 temuan ditampilkan dari %2 (%3 kesalahan, %4 peringatan)</source>
        <translation>%1 of %2 findings shown (%3 errors, %4 warnings)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="120" />
        <source>Penjelasan (%1, %2): %3</source>
        <translation>Explanation (%1, %2): %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="123" />
        <source>Dikesampingkan (%1, %2): %3</source>
        <translation>Overridden (%1, %2): %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="145" />
        <source>Memeriksa seluruh sertifikat…</source>
        <translation>Checking every certificate…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="146" />
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="148" />
        <source>Pemeriksaan</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="155" />
        <source>Jelaskan peringatan</source>
        <translation>Explain warning</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="156" />
        <source>%1

Tuliskan penjelasan yang akan dicatat dan dicetak:</source>
        <translation>%1

Write the explanation to be recorded and printed:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="157" />
        <source>Catat penjelasan</source>
        <translation>Record explanation</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="168" />
        <source>Kesampingkan kesalahan</source>
        <translation>Override error</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="169" />
        <source>%1

Hanya ketua yang dapat mengesampingkan kesalahan. Tuliskan alasannya:</source>
        <translation>%1

Only the chair may override an error. Write the reason:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="170" />
        <source>Kesampingkan</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/findings.py" line="182" />
        <source>Tidak dicatat</source>
        <translation>Not recorded</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="22" />
        <source>Pilih berkas sertifikat kabupaten/kota (xlsx, xls, ods, csv) atau seret berkas ke jendela ini. Setiap berkas disimpan utuh atau tidak sama sekali.</source>
        <translation>Choose regency certificate files (xlsx, xls, ods, csv) or drop files on this window. Each file is stored whole or not at all.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="27" />
        <source>Pilih berkas…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="29" />
        <source>Buat templat isian…</source>
        <translation>Make blank templates…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="31" />
        <source>Simpan laporan…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="44" />
        <source>Laporan impor akan tampil di sini dan disimpan selama program terbuka.</source>
        <translation>The import report appears here and is kept while the program is open.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="50" />
        <source>Pilih berkas sertifikat</source>
        <translation>Choose certificate files</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="51" />
        <source>Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="61" />
        <source>Mengimpor berkas…</source>
        <translation>Importing files…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="63" />
        <source>Impor gagal</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="72" />
        <source>Konfirmasi nama kecamatan</source>
        <translation>Confirm district names</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="73" />
        <source>Nama kecamatan berikut tidak persis sama dengan daftar wilayah:

%s

Terima kecocokan ini? Ejaan itu akan diingat.</source>
        <translation>The following district names do not exactly match the region list:

%s

Accept these matches? The spellings will be remembered.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="75" />
        <source>Terima nama</source>
        <translation>Accept names</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="75" />
        <source>Jangan impor</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="85" />
        <source>Diterima %1 · sudah ada %2 · ditolak %3</source>
        <translation>Accepted %1 · already there %2 · refused %3</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="92" />
        <source>Simpan laporan impor</source>
        <translation>Save import report</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="93" />
        <source>Teks (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="104" />
        <location filename="../../recap_app/ui/pages/importing.py" line="105" />
        <source>Templat</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="98" />
        <source>Folder untuk templat</source>
        <translation>Folder for the templates</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="103" />
        <source>Membuat templat…</source>
        <translation>Making templates…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/importing.py" line="104" />
        <source>Templat dibuat di %s</source>
        <translation>Templates written to %s</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../recap_app/ui/jobs.py" line="123" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="177" />
        <location filename="../../recap_app/ui/settings.py" line="206" />
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="186" />
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="188" />
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="193" />
        <source>Ruang kerja ini belum memakai akun: nama yang ditulis dicatat di log audit.</source>
        <translation>This workspace has no accounts yet: the name written is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="196" />
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="196" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="130" />
        <source>&lt;b&gt;Kabupaten/Kota&lt;/b&gt;</source>
        <translation>&lt;b&gt;Regencies/cities&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="161" />
        <source>Sertifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="174" />
        <location filename="../../recap_app/ui/main_window.py" line="396" />
        <source>Pengguna: %s</source>
        <translation>User: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="195" />
        <source>Pemeriksaan tidak dapat dijalankan: %s</source>
        <translation>The check could not run: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="199" />
        <source>Memeriksa %s sertifikat di latar belakang…</source>
        <translation>Checking %s certificates in the background…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="201" />
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="202" />
        <source>Pemeriksaan selesai.</source>
        <translation>Check finished.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="226" />
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="227" />
        <source>Buka ruang kerja…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="231" />
        <source>Ruang kerja baru…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="235" />
        <source>Impor berkas sertifikat…</source>
        <translation>Import certificate files…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="239" />
        <source>Ganti pengguna…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="242" />
        <source>Pengaturan kantor…</source>
        <translation>Office settings…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="246" />
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="251" />
        <source>&amp;Sunting</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="252" />
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="254" />
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="256" />
        <source>Simpan sertifikat</source>
        <translation>Save certificate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="262" />
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="263" />
        <source>Mode pleno (layar penuh)</source>
        <translation>Plenary mode (full screen)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="305" />
        <source>Temuan tidak dapat dimuat: %s</source>
        <translation>Findings could not be loaded: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="345" />
        <source>Halaman tidak dapat dimuat: %s</source>
        <translation>The page could not be loaded: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="387" />
        <source>Buka ruang kerja</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="388" />
        <source>Ruang kerja recap_app (*.sqlite)</source>
        <translation>recap_app workspace (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="437" />
        <location filename="../../recap_app/ui/pages/__init__.py" line="21" />
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="437" />
        <source>Impor belum tersedia di versi ini.</source>
        <translation>Import is not available in this version.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="22" />
        <source>Temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="23" />
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="24" />
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="25" />
        <source>Bundel</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="27" />
        <source>Publikasi</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="26" />
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/app.py" line="249" />
        <source>Ada draf yang belum disimpan: %s</source>
        <translation>Unsaved drafts kept for: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/__init__.py" line="21" />
        <source>Kursi</source>
        <translation>Seats</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="101" />
        <source>CONTOH — data nyata Pilpres 2019 Jawa Tengah untuk latihan; bukan hasil resmi.</source>
        <translation>CONTOH (EXAMPLE) — real 2019 Central Java presidential figures for practice; not official results.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="103" />
        <source>SIMULASI — ruang kerja latihan; dokumen dan bundel ditandai SIMULASI.</source>
        <translation>SIMULASI (SIMULATION) — training workspace; documents and bundles are marked SIMULASI.</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="116" />
        <location filename="../../recap_app/ui/settings.py" line="157" />
        <source>Ruang kerja baru</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="123" />
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="127" />
        <source>Simulasi (latihan; semua dokumen ditandai SIMULASI)</source>
        <translation>Simulation (training; every document marked SIMULASI)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="128" />
        <source>Pemilihan</source>
        <translation>Election</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="129" />
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="132" />
        <source>Buat</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="132" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="138" />
        <source>Berkas ruang kerja</source>
        <translation>Workspace file</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="139" />
        <source>Ruang kerja recap_app (*.sqlite)</source>
        <translation>recap_app workspace (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>PlenaryWindow</name>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="25" />
        <source>Mode pleno</source>
        <translation>Plenary mode</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="52" />
        <source>Kabupaten/kota ini</source>
        <translation>This regency</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="52" />
        <source>Total provinsi berjalan</source>
        <translation>Running province total</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="60" />
        <source>Suara sah</source>
        <translation>Valid votes</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="60" />
        <source>Suara tidak sah</source>
        <translation>Invalid votes</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="77" />
        <source>← Sebelumnya</source>
        <translation>← Previous</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="78" />
        <source>Berikutnya →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="79" />
        <source>Tutup (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="111" />
        <source>Rapat pleno rekapitulasi</source>
        <translation>Recapitulation plenary</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="119" />
        <source>%1 dari %2 dibacakan</source>
        <translation>%1 of %2 read out</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="121" />
        <source>Kab/kota ini</source>
        <translation>This regency</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="121" />
        <source>Provinsi (berjalan)</source>
        <translation>Province (running)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="54" />
        <source>Total dapil berjalan</source>
        <translation>Running district total</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/plenary.py" line="131" />
        <source>Dapil (berjalan)</source>
        <translation>District (running)</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="89" />
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="90" />
        <source>Ditetapkan</source>
        <translation>Adopted</translation>
    </message>
</context>
<context>
    <name>ProvinceModel</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="131" />
        <source>JUMLAH</source>
        <translation>TOTAL</translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <location filename="../../recap_app/ui/pages/province.py" line="47" />
        <source>PROVINSI</source>
        <translation>PROVINCE</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/province.py" line="54" />
        <source>DAPIL %s</source>
        <translation>DISTRICT %s</translation>
    </message>
</context>
<context>
    <name>PublicationPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="36" />
        <source>Publikasi menulis hasil rekapitulasi sebagai situs statis (halaman, grafik, data JSON dan CSV) yang dapat dipasang di server web mana pun. Setiap berkas tercatat dengan sidiknya di manifest yang ditandatangani kunci kantor; hanya berkas yang berubah yang ditulis ulang.</source>
        <translation>Publication writes the recapitulation results as a static site (pages, charts, JSON and CSV data) that any web server can serve. Every file is listed with its fingerprint in a manifest signed with the office key; only the files that changed are written again.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="55" />
        <source>Folder situs (baru, kosong, atau publikasi sebelumnya)</source>
        <translation>Site folder (new, empty, or an earlier publication)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="56" />
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="60" />
        <source>Folder situs:</source>
        <translation>Site folder:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="63" />
        <source>opsional: tujuan rclone, misalnya situs:hasil</source>
        <translation>optional: rclone destination, e.g. site:results</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="64" />
        <source>Kirim ke:</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="67" />
        <source>Terbitkan</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="69" />
        <source>Verifikasi situs</source>
        <translation>Verify site</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="121" />
        <source>Folder situs</source>
        <translation>Site folder</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="136" />
        <source>Memeriksa folder tujuan…</source>
        <translation>Checking the target folder…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="136" />
        <source>Menyusun halaman, data dan manifest bertanda tangan…</source>
        <translation>Building pages, data and the signed manifest…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="137" />
        <source>Menulis berkas yang berubah…</source>
        <translation>Writing the files that changed…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="137" />
        <source>Mengirim berkas yang berubah lewat rclone…</source>
        <translation>Sending the files that changed with rclone…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="159" />
        <source>Menerbitkan situs…</source>
        <translation>Publishing the site…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="181" />
        <source>Memverifikasi situs…</source>
        <translation>Verifying the site…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="91" />
        <source>Belum pernah diterbitkan dari ruang kerja ini.</source>
        <translation>Not published from this workspace yet.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="105" />
        <source>Tidak ada perubahan data sejak publikasi terakhir.</source>
        <translation>No data changed since the last publication.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="111" />
        <source>Sejak itu: %1 perubahan data.</source>
        <translation>Since then: %1 data changes.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="170" />
        <source>Memeriksa tanda tangan dan setiap berkas…</source>
        <translation>Checking the signature and every file…</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="145" />
        <source>SHA-256 manifest: %s</source>
        <translation>Manifest SHA-256: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="152" />
        <source>Berkas yang berubah:</source>
        <translation>Files changed:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="155" />
        <source>Tidak ada yang berubah sejak publikasi sebelumnya.</source>
        <translation>Nothing changed since the previous publication.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="113" />
        <source>Sertifikat yang berubah: %1.</source>
        <translation>Certificates changed: %1.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="147" />
        <source>Bertanda %s: setiap halaman dan berkas data memuat tanda itu.</source>
        <translation>Marked %s: every page and data file carries the mark.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="174" />
        <source>SAH: tanda tangan manifest benar dan %1 berkas cocok; tidak ada berkas tambahan.</source>
        <translation>VALID: the manifest's signature holds and %1 files match; no extra file.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="177" />
        <source>TIDAK SAH: %1 masalah.</source>
        <translation>NOT VALID: %1 problems.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="161" />
        <source>GAGAL: %s</source>
        <translation>FAILED: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="149" />
        <source>Dikirim ke %1: %2 berkas diunggah, %3 dihapus.</source>
        <translation>Sent to %1: %2 files uploaded, %3 removed.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="142" />
        <source>Situs diterbitkan ke %1: %2 berkas; %3 baru/berubah, %4 dihapus, %5 tetap.</source>
        <translation>Site published to %1: %2 files; %3 new/changed, %4 removed, %5 unchanged.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="96" />
        <source>Publikasi terakhir: %1 oleh %2, ke %3 — %4 berkas (%5 berubah); data per %6; manifest %7.</source>
        <translation>Last publication: %1 by %2, to %3 — %4 files (%5 changed); data as of %6; manifest %7.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/publication.py" line="149" />
        <source>Pengiriman GAGAL (situs di folder sudah diterbitkan): %s</source>
        <translation>Sending FAILED (the site in the folder is published): %s</translation>
    </message>
</context>
<context>
    <name>RegencyModel</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="69" />
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="69" />
        <source>Kabupaten/Kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="69" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="69" />
        <source>Revisi</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="85" />
        <source>(ada draf)</source>
        <translation>(draft kept)</translation>
    </message>
</context>
<context>
    <name>SeatsPage</name>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="48" />
        <source>Dapil:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="81" />
        <source>Kursi belum dapat dihitung: %s</source>
        <translation>Seats cannot be computed yet: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="87" />
        <source>keputusan KPU Provinsi</source>
        <translation>decision of KPU Provinsi</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="88" />
        <source>perhitungan saja; kursi ditetapkan %s</source>
        <translation>a calculation only; the seats are set by %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="89" />
        <source>%1 kursi · %2 dari %3 sertifikat · %4</source>
        <translation>%1 seats · %2 of %3 certificates · %4</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="92" />
        <source>ditetapkan %s</source>
        <translation>adopted %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="95" />
        <source>SERI: %s</source>
        <translation>TIE: %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="104" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="104" />
        <source>Partai</source>
        <translation>Party</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="104" />
        <source>Suara</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="105" />
        <source>Kursi</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="120" />
        <source>Kursi ke-%s</source>
        <translation>Seat %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="129" />
        <source>No. urut</source>
        <translation>Ballot no.</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="129" />
        <source>Calon terpilih</source>
        <translation>Elected candidate</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="129" />
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/pages/seats.py" line="130" />
        <source>Dasar</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="22" />
        <source>Pengaturan kantor</source>
        <translation>Office settings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="36" />
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="37" />
        <source>Kode kantor</source>
        <translation>Office code</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="38" />
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="39" />
        <source>Ketua</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="40" />
        <source>Anggota (satu per baris)</source>
        <translation>Members (one per line)</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="50" />
        <source>hadir</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="50" />
        <source>tidak hadir</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="51" />
        <source>hadir, menolak menandatangani</source>
        <translation>present, refused to sign</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="67" />
        <source>Saksi paslon %s</source>
        <translation>Witness of pair %s</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="68" />
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="70" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="70" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="77" />
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/settings.py" line="68" />
        <source>Saksi %s</source>
        <translation>Witness %s</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../recap_app/ui/models.py" line="18" />
        <source>belum masuk</source>
        <translation>not received</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="19" />
        <source>draf</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="20" />
        <source>ada kesalahan</source>
        <translation>has errors</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="21" />
        <source>ada peringatan</source>
        <translation>has warnings</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="22" />
        <source>sesuai</source>
        <translation>consistent</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="23" />
        <source>ditetapkan</source>
        <translation>adopted</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="30" />
        <source>kesalahan</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/models.py" line="31" />
        <source>peringatan</source>
        <translation>warning</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="142" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="142" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="48" />
        <source>&lt;b&gt;Total provinsi&lt;/b&gt;</source>
        <translation>&lt;b&gt;Province total&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="63" />
        <source>Suara sah: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Valid votes: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/widgets.py" line="67" />
        <source>Diterima %1 dari %2 · Ditetapkan %3 dari %2</source>
        <translation>Received %1 of %2 · Adopted %3 of %2</translation>
    </message>
</context>
<context>
    <name>VotesChart</name>
    <message>
        <location filename="../../recap_app/ui/chart.py" line="89" />
        <source>belum ada data</source>
        <translation>no data yet</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../recap_app/ui/main_window.py" line="64" />
        <source>Halaman ini belum tersedia: %s</source>
        <translation>This page is not available yet: %s</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../recap_app/ui/app.py" line="149" />
        <source>Buka ruang kerja</source>
        <translation>Open workspace</translation>
    </message>
</context>
<context>
    <name>window.editor</name>
    <message>
        <location filename="../../recap_app/ui/screenshots.py" line="120" />
        <source>Alasan perubahan</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/screenshots.py" line="121" />
        <source>Sertifikat ini sudah diterima. Tuliskan alasan perubahan (misalnya: salah ketik, dicocokkan dengan sertifikat asli):</source>
        <translation>This certificate was already received. Write the reason for the change (for example: typing error, checked against the original certificate):</translation>
    </message>
    <message>
        <location filename="../../recap_app/ui/screenshots.py" line="123" />
        <source>Simpan perubahan</source>
        <translation>Save change</translation>
    </message>
</context>
</TS>