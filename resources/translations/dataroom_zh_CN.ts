<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../dataroom/ui/dialogs/add_user_dialog.py" line="44"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/add_user_dialog.py" line="45"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/add_user_dialog.py" line="46"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/add_user_dialog.py" line="49"/>
        <source>letters, digits, . @ + - _ (no spaces)</source>
        <translation>字母、数字或 . @ + - _（不含空格）</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="83"/>
        <source>Building the demo deal: seller and buyer vaults, synthetic customers, a signed NDA…</source>
        <translation>正在构建演示交易：卖方和买方保险库、合成客户数据、已签署的保密协议…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="243"/>
        <source>Open vault folder</source>
        <translation>打开保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="248"/>
        <source>There is no vault in {folder}.</source>
        <translation>{folder} 中没有保险库。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="268"/>
        <source>Restored into {folder}. Open it with File → Open vault….</source>
        <translation>已恢复到 {folder}。可通过“文件 → 打开保险库…”打开。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="280"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="171"/>
        <source>Audit log</source>
        <extracomment>The log grew (an export is itself audited): the main window re-verifies.</extracomment>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="172"/>
        <source>Every action in this vault, hash-chained so that any later change to a record is detected.</source>
        <translation>本保险库中的每一项操作都以哈希链记录，任何事后篡改都会被发现。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="174"/>
        <source>Verify again</source>
        <translation>重新验证</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="175"/>
        <source>Show the first bad record</source>
        <translation>定位第一条异常记录</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="176"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="177"/>
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="179"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="179"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="179"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="182"/>
        <source>anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="183"/>
        <source>prefix, e.g. vault.</source>
        <translation>前缀，例如 vault.</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="184"/>
        <source>exact object</source>
        <translation>完整对象名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="185"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="186"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="187"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="188"/>
        <source>Your role does not include the audit log. Ask an owner of this vault.</source>
        <translation>您的角色无权查看审计日志。请联系本保险库的所有者。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="269"/>
        <source>Checking…</source>
        <translation>验证中…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="270"/>
        <source>The hash chain is being verified.</source>
        <translation>正在验证哈希链。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="272"/>
        <source>Chain intact</source>
        <translation>哈希链完整</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="274"/>
        <source>{count} records verified; head #{seq} {hash}…</source>
        <translation>已验证 {count} 条记录；链头 #{seq} {hash}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="279"/>
        <source>Chain broken</source>
        <translation>哈希链断裂</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="281"/>
        <source>Record #{seq} fails verification: {reason}. Records after it cannot be trusted.</source>
        <translation>第 #{seq} 条记录未通过验证：{reason}。其后的记录均不可信。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="319"/>
        <source>Export audit records</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="321"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="333"/>
        <source>Exported {count} records to {path}.</source>
        <translation>已将 {count} 条记录导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="339"/>
        <source>Exporting audit records…</source>
        <translation>正在导出审计记录…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="345"/>
        <source>{count} records shown</source>
        <translation>显示 {count} 条记录</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="74"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="75"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="76"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="77"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="78"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="79"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="94"/>
        <source>Verification fails here: {reason}</source>
        <translation>此处验证失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="98"/>
        <source>Not verified: the chain is broken before this record.</source>
        <translation>未验证：哈希链在此记录之前已断裂。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../dataroom/ui/dialogs/backup_dialog.py" line="44"/>
        <source>Back up the vault</source>
        <translation>备份保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/backup_dialog.py" line="47"/>
        <source>The backup is encrypted with its own passphrase, so it can be kept apart from this computer. Without that passphrase nobody can restore it.</source>
        <translation>备份使用单独的口令加密，可以与本机分开保存。没有该口令，任何人都无法恢复备份。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/backup_dialog.py" line="51"/>
        <location filename="../../dataroom/ui/dialogs/backup_dialog.py" line="57"/>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/backup_dialog.py" line="52"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/backup_dialog.py" line="57"/>
        <source>Dataroom backups (*.drbak)</source>
        <translation>数据室备份 (*.drbak)</translation>
    </message>
</context>
<context>
    <name>BusyDialog</name>
    <message>
        <location filename="../../dataroom/ui/busy.py" line="23"/>
        <source>Please wait</source>
        <extracomment>Quick jobs finish before the dialog appears, so it does not flash.</extracomment>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/busy.py" line="57"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../dataroom/ui/dialogs/passphrase_dialog.py" line="30"/>
        <source>Change passphrase</source>
        <translation>修改口令</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/passphrase_dialog.py" line="32"/>
        <source>Choose a new passphrase for {user}. The old one stops working at once.</source>
        <translation>为 {user} 设置新口令。旧口令将立即失效。</translation>
    </message>
</context>
<context>
    <name>DatasetsPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="22"/>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="22"/>
        <source>Customer tables held in the vault, their columns and how sensitive each is.</source>
        <translation>保险库中的客户数据表、各列内容及其敏感程度。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="25"/>
        <source>Not in the desktop app yet</source>
        <translation>桌面应用暂未提供</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="31"/>
        <source>Arrives with: desktop app, part 2 (datasets, classification, redaction)</source>
        <translation>将随以下版本提供：桌面应用第 2 部分（数据集、分级、脱敏）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="33"/>
        <source>Available today on the command line: dataroom import, classify, override, quality, policy, preview, kanon, export.</source>
        <translation>目前可在命令行中使用：dataroom import、classify、override、quality、policy、preview、kanon、export。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="27"/>
        <source>Here you will import customer tables (CSV in UTF-8, GBK or GB18030, and XLSX), see each column&apos;s detected type and class (public, consent-required, sensitive), override a class as a reviewer, and browse de-identified previews with quality figures.</source>
        <translation>在这里，您将可以导入客户数据表（UTF-8、GBK 或 GB18030 编码的 CSV 以及 XLSX），查看每列识别出的类型和分级（公开、需同意、敏感），以审阅人身份修改分级，并浏览带有质量指标的去标识化预览。</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="22"/>
        <source>Deal documents</source>
        <translation>交易文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="22"/>
        <source>Non-disclosure agreements, the consent registry and notices.</source>
        <translation>保密协议、同意登记簿和告知文书。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="25"/>
        <source>Not in the desktop app yet</source>
        <translation>桌面应用暂未提供</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="31"/>
        <source>Arrives with: desktop app, part 2 (NDAs, consents, notices)</source>
        <translation>将随以下版本提供：桌面应用第 2 部分（保密协议、同意、告知书）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="32"/>
        <source>Available today on the command line: dataroom nda, consent, notice, incident.</source>
        <translation>目前可在命令行中使用：dataroom nda、consent、notice、incident。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="27"/>
        <source>Here you will draft an NDA as structured data (parties, purpose, scope, term, destruction duty), render it as a bilingual PDF that each party signs, record data subjects&apos; consents, and generate the notice to data subjects required by PIPL art. 22.</source>
        <translation>在这里，您将可以以结构化数据起草保密协议（各方、目的、范围、期限、销毁义务），生成由各方签署的中英双语 PDF，登记个人信息主体的同意，并生成《个人信息保护法》第二十二条要求的告知书。</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="432"/>
        <source>The vault is ready</source>
        <translation>保险库已就绪</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="433"/>
        <source>Everything you do in it is now recorded in the audit log.</source>
        <translation>从现在起，您在其中的每一项操作都会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="439"/>
        <source>Folder: {folder}</source>
        <translation>文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="440"/>
        <source>You sign in as: {user} ({role})</source>
        <translation>登录身份：{user}（{role}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="441"/>
        <source>Unlocking: passphrase and system keyring</source>
        <translation>解锁方式：口令和系统钥匙串</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="443"/>
        <source>Unlocking: passphrase</source>
        <translation>解锁方式：口令</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="446"/>
        <source>Second factor: authenticator app</source>
        <translation>第二因素：身份验证器应用</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="449"/>
        <source>Party identity fingerprint: {fingerprint}</source>
        <translation>交易方身份指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="455"/>
        <source>The party identity could not be created: {error}</source>
        <translation>未能创建交易方身份：{error}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="460"/>
        <source>Back up the vault regularly (Settings → Back up) and keep the backup passphrase apart.</source>
        <translation>请定期备份保险库（设置 → 备份），并将备份口令另行妥善保管。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="491"/>
        <source>Dataroom — set-up</source>
        <translation>数据室 — 初始设置</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="188"/>
        <source>Your party</source>
        <translation>您的交易方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="189"/>
        <source>Who this copy of Dataroom speaks for. The other parties will see these details.</source>
        <translation>本数据室代表的交易方。其他各方将看到这些信息。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="191"/>
        <source>Organisation:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="192"/>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="193"/>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="194"/>
        <source>Role in the deal:</source>
        <translation>交易角色：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="195"/>
        <source>User name (to sign in):</source>
        <translation>用户名（用于登录）：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="196"/>
        <source>Vault name:</source>
        <translation>保险库名称：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="203"/>
        <source>e.g. 上海示例科技有限公司</source>
        <translation>例如：上海示例科技有限公司</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="204"/>
        <source>shown in the title bar; defaults to the organisation</source>
        <translation>显示在标题栏中；默认为机构名称</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="207"/>
        <source>With the vault, Dataroom creates your party&apos;s signing and encryption keys and an identity card that shows these details; the other parties compare its fingerprint with you before trusting it.</source>
        <translation>创建保险库时，数据室会同时生成本方的签名密钥和加密密钥，以及载有上述信息的身份卡；其他各方会先与您核对身份卡指纹，再予以信任。</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="285"/>
        <source>Protect the vault key</source>
        <translation>保护保险库密钥</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="286"/>
        <source>The vault is encrypted with a random key; here you choose what unlocks it.</source>
        <translation>保险库使用随机密钥加密；在此选择用什么来解锁它。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="287"/>
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="288"/>
        <source>Also keep the key in this computer&apos;s keyring (unlock without typing)</source>
        <translation>同时将密钥保存在本机的系统钥匙串中（无需输入即可解锁）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="292"/>
        <source>Choose a passphrase. With the keyring you rarely type it, but it stays your way back in if the keyring is lost or you move to another computer. Nobody can recover a forgotten passphrase.</source>
        <translation>请设置口令。使用钥匙串后很少需要输入口令，但如果钥匙串丢失或更换电脑，口令仍是您重新进入的唯一途径。忘记的口令任何人都无法找回。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="299"/>
        <source>This computer has no secure keyring, so the passphrase alone protects the vault key. Nobody can recover a forgotten passphrase: write it down and keep it safe.</source>
        <translation>本机没有安全的系统钥匙串，因此仅由口令保护保险库密钥。忘记的口令任何人都无法找回：请将其记下并妥善保管。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="304"/>
        <source>Creating the vault and your party&apos;s keys… (this takes a moment)</source>
        <translation>正在创建保险库和本方密钥…（需要片刻）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="11"/>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="12"/>
        <source>Preparer</source>
        <translation>准备人</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="13"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="17"/>
        <source>may do everything, including users, keys and backups</source>
        <translation>可执行所有操作，包括管理用户、密钥和备份</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="18"/>
        <source>imports, classifies, redacts and exports data</source>
        <translation>导入、分级、脱敏和导出数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="19"/>
        <source>sees redacted previews and documents only</source>
        <translation>仅可查看脱敏预览和文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="23"/>
        <source>Seller (transferor)</source>
        <translation>卖方（转让方）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="24"/>
        <source>Buyer (transferee)</source>
        <translation>买方（受让方）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="25"/>
        <source>Advisor (lawyer, broker, auditor)</source>
        <translation>顾问（律师、经纪人、审计师）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="46"/>
        <source>Dataroom</source>
        <translation>数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/labels.py" line="50"/>
        <source>[DEMO]</source>
        <translation>【演示】</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="183"/>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="184"/>
        <source>Deal documents</source>
        <translation>交易文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="185"/>
        <source>Parties</source>
        <translation>交易各方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="186"/>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="187"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="188"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="197"/>
        <source>Offline data room</source>
        <translation>离线数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="198"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="199"/>
        <source>Lock the vault (Ctrl+L)</source>
        <translation>锁定保险库 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="200"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="201"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="202"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="203"/>
        <source>&amp;New vault…</source>
        <translation>新建保险库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="204"/>
        <source>&amp;Open vault…</source>
        <translation>打开保险库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="205"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="206"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="207"/>
        <source>&amp;About Dataroom</source>
        <translation>关于数据室(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="244"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="248"/>
        <source>Vault: {name}</source>
        <translation>保险库：{name}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="251"/>
        <source>User: {user} ({role})</source>
        <translation>用户：{user}（{role}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="256"/>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="257"/>
        <source>Locks after {minutes} min without input</source>
        <translation>无操作 {minutes} 分钟后自动锁定</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="259"/>
        <source>Idle locking is off</source>
        <translation>空闲自动锁定已关闭</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="262"/>
        <source>Demo: synthetic data</source>
        <translation>演示：合成数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="266"/>
        <source>Audit: not in your role</source>
        <translation>审计：您的角色无权查看</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="268"/>
        <source>Audit: checking…</source>
        <translation>审计：验证中…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="272"/>
        <source>Audit chain intact ({count})</source>
        <translation>审计哈希链完整（{count} 条）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="273"/>
        <source>Head #{seq} {hash}…</source>
        <translation>链头 #{seq} {hash}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="278"/>
        <source>Audit chain BROKEN at #{seq}</source>
        <translation>审计哈希链在 #{seq} 处断裂</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="310"/>
        <source>About Dataroom</source>
        <translation>关于数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="312"/>
        <source>&lt;b&gt;Dataroom {version}&lt;/b&gt;&lt;br&gt;An offline, encrypted data room for the parties to a company transfer.&lt;br&gt;&lt;br&gt;Everything stays on this computer; every action is recorded in a hash-chained audit log. Shared data is de-identified, not anonymised (PIPL art. 73).</source>
        <translation>&lt;b&gt;数据室 {version}&lt;/b&gt;&lt;br&gt;面向企业转让各方的离线加密数据室。&lt;br&gt;&lt;br&gt;所有数据均保存在本机；每一项操作都记入基于哈希链的审计日志。对外提供的数据是去标识化数据，而非匿名化数据（《个人信息保护法》第七十三条）。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="23"/>
        <source>The passphrase is wrong.</source>
        <extracomment>Codes whose meaning does not depend on details in the message.</extracomment>
        <translation>口令错误。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="24"/>
        <source>Enter the passphrase: the system keyring holds no key for this vault and user.</source>
        <translation>请输入口令：系统钥匙串中没有该保险库和用户的密钥。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="27"/>
        <source>Enter the 6-digit code from your authenticator app.</source>
        <translation>请输入身份验证器应用中的 6 位验证码。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="28"/>
        <source>The authenticator code is wrong or has expired.</source>
        <translation>验证码错误或已过期。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="29"/>
        <source>The vault is open in another Dataroom window or command. Close it there and try again.</source>
        <translation>该保险库已在另一个数据室窗口或命令中打开。请先在那里关闭后重试。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="32"/>
        <source>Your role in this vault does not allow this action.</source>
        <translation>您在本保险库中的角色不允许执行此操作。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="33"/>
        <source>The operation was cancelled; nothing was changed.</source>
        <translation>操作已取消，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="34"/>
        <source>The key-slot file beside the vault database is missing.</source>
        <translation>保险库数据库旁的密钥槽文件缺失。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="35"/>
        <source>The key-slot file fails its integrity check.</source>
        <translation>密钥槽文件未通过完整性校验。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="40"/>
        <source>The passphrase must be at least 8 characters long.</source>
        <extracomment>Exact core messages with more than one variant per code.</extracomment>
        <translation>口令长度至少为 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="43"/>
        <source>The passphrase repeats too few different characters.</source>
        <translation>口令中不同的字符太少。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="46"/>
        <source>A user name must be 1–64 letters, digits or . @ + - _ (no spaces).</source>
        <translation>用户名须为 1–64 个字母、数字或 . @ + - _（不含空格）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="49"/>
        <source>That code does not match; check the time on this computer and on the phone.</source>
        <translation>验证码不匹配；请检查本机和手机上的时间。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="52"/>
        <source>The last owner cannot be removed; make another user an owner first.</source>
        <translation>不能删除最后一位所有者；请先将其他用户设为所有者。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="55"/>
        <source>Give the organisation&apos;s name (at most 200 characters).</source>
        <translation>请填写机构名称（不超过 200 个字符）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="58"/>
        <source>Give the person&apos;s name (at most 100 characters).</source>
        <translation>请填写姓名（不超过 100 个字符）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="67"/>
        <source>{value} is not an e-mail address.</source>
        <extracomment>Core messages carrying one value: (pattern, translatable text with ``{value}``).</extracomment>
        <translation>“{value}”不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="72"/>
        <source>Something unexpected went wrong and the action did not complete. Technical details are in the log.</source>
        <translation>发生意外错误，操作未完成。技术细节已写入日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="106"/>
        <location filename="../../dataroom/ui/messages.py" line="117"/>
        <source>Dataroom</source>
        <translation>数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="139"/>
        <source>the record is not valid JSON</source>
        <extracomment>Reasons :func:`dataroom.core.audit.log.verify` gives for a broken chain.</extracomment>
        <translation>该记录不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="140"/>
        <source>it does not link to the previous record</source>
        <translation>该记录与上一条记录的链接不符</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="141"/>
        <source>its content was changed after it was written</source>
        <translation>该记录写入后内容被修改</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="144"/>
        <source>its authentication code does not match</source>
        <translation>该记录的认证码不匹配</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="156"/>
        <source>this record is missing (the next one present is #{seq})</source>
        <translation>该记录缺失（之后存在的下一条是 #{seq}）</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="161"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="162"/>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="163"/>
        <source>at least 8 characters; a few unrelated words work well</source>
        <translation>至少 8 个字符；几个互不相关的词语效果很好</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="179"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="195"/>
        <source>Too weak</source>
        <translation>太弱</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="195"/>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="195"/>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="195"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="195"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="21"/>
        <source>Parties</source>
        <translation>交易各方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="21"/>
        <source>The parties to the deal and their public identity cards.</source>
        <translation>交易各方及其公开身份卡。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="23"/>
        <source>Not in the desktop app yet</source>
        <translation>桌面应用暂未提供</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="25"/>
        <source>Here you will see your party&apos;s identity card, export and print it, and import the other parties&apos; cards after comparing their fingerprints in person or by phone. Your own identity is created with the vault and shown under Settings.</source>
        <translation>在这里，您将可以查看本方身份卡、导出并打印，并在当面或电话核对指纹后导入其他各方的身份卡。本方身份在创建保险库时生成，可在“设置”中查看。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="29"/>
        <source>Arrives with: desktop app, part 2 (identity cards)</source>
        <translation>将随以下版本提供：桌面应用第 2 部分（身份卡）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="30"/>
        <source>Available today on the command line: dataroom party show, export-card, import-card, confirm.</source>
        <translation>目前可在命令行中使用：dataroom party show、export-card、import-card、confirm。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="76"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="78"/>
        <source>Restoring puts the backed-up vault into a folder. Users keep the passphrases they had then.</source>
        <translation>恢复会将备份的保险库放入一个文件夹。各用户沿用备份时的口令。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="80"/>
        <source>Backup file:</source>
        <translation>备份文件：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="81"/>
        <source>Backup passphrase:</source>
        <translation>备份口令：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="82"/>
        <source>Restore into folder:</source>
        <translation>恢复到文件夹：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="83"/>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="84"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="85"/>
        <source>Replace the vault in that folder (it is kept aside, renamed, not deleted)</source>
        <translation>替换该文件夹中的保险库（原保险库会改名保留，不会删除）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="90"/>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="90"/>
        <source>Dataroom backups (*.drbak)</source>
        <translation>数据室备份 (*.drbak)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="96"/>
        <source>Restore into folder</source>
        <translation>恢复到文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/dialogs/restore_dialog.py" line="108"/>
        <source>There is a vault in this folder. Tick the box to replace it, or choose another folder.</source>
        <translation>该文件夹中已有保险库。勾选上方选项以替换，或选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="178"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="178"/>
        <source>This computer&apos;s preferences, your account and the vault&apos;s keys.</source>
        <translation>本机偏好设置、您的账户以及保险库密钥。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="180"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="181"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="182"/>
        <source>Lock when idle for:</source>
        <translation>空闲多久后锁定：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="183"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="184"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="185"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="186"/>
        <source>Your party</source>
        <translation>您的交易方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="190"/>
        <source>Organisation:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="192"/>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="193"/>
        <source>Role in the deal:</source>
        <translation>交易角色：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="200"/>
        <source>Your account</source>
        <translation>您的账户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="201"/>
        <source>Change my passphrase…</source>
        <translation>修改我的口令…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="202"/>
        <source>Set up authenticator…</source>
        <translation>设置身份验证器…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="203"/>
        <source>Turn off authenticator…</source>
        <translation>关闭身份验证器…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="204"/>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="206"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="206"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="206"/>
        <source>Authenticator</source>
        <translation>身份验证器</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="206"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="208"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="209"/>
        <source>Remove user…</source>
        <translation>删除用户…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="210"/>
        <source>Vault keys and backups</source>
        <translation>保险库密钥与备份</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="213"/>
        <source>Rekeying re-encrypts the whole vault under a new random key. Backups are encrypted with their own passphrase; restoring never deletes a vault, it keeps the replaced one aside.</source>
        <translation>更换密钥会用新的随机密钥重新加密整个保险库。备份使用单独的口令加密；恢复时绝不删除保险库，被替换的保险库会另行保留。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="217"/>
        <source>Rekey vault…</source>
        <translation>更换保险库密钥…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="218"/>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="219"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="258"/>
        <source>Signed in as {user}, {role}: {hint}.</source>
        <translation>当前登录：{user}，{role}：{hint}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="265"/>
        <source>Authenticator: on (unlocking asks for a code)</source>
        <translation>身份验证器：已开启（解锁时需输入验证码）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="265"/>
        <source>Authenticator: off</source>
        <translation>身份验证器：未开启</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="276"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="276"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="191"/>
        <source>Person:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="194"/>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="328"/>
        <source>This vault has no party identity yet. An owner can create it on the command line: dataroom party init.</source>
        <translation>本保险库尚无交易方身份。所有者可在命令行中创建：dataroom party init。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="343"/>
        <source>Other parties compare this fingerprint with you before they trust your identity card.</source>
        <translation>其他各方在信任您的身份卡之前，会与您核对此指纹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="357"/>
        <source>Changing the passphrase…</source>
        <translation>正在修改口令…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="359"/>
        <source>Your passphrase was changed.</source>
        <translation>您的口令已修改。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="372"/>
        <source>The authenticator is set up: unlocking now asks for a code.</source>
        <translation>身份验证器已设置：解锁时将要求输入验证码。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="378"/>
        <source>Turn off authenticator</source>
        <translation>关闭身份验证器</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="379"/>
        <source>Unlocking will no longer ask for a code from your phone. Turn the authenticator off?</source>
        <translation>解锁时将不再要求输入手机上的验证码。确定关闭身份验证器吗？</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="380"/>
        <source>Turn off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="386"/>
        <source>Turning the authenticator off…</source>
        <translation>正在关闭身份验证器…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="388"/>
        <source>The authenticator is off.</source>
        <translation>身份验证器已关闭。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="409"/>
        <source>Adding {user}…</source>
        <translation>正在添加 {user}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="413"/>
        <source>{user} was added. Give them the initial passphrase in person and ask them to change it.</source>
        <translation>已添加 {user}。请当面告知其初始口令，并请其自行修改。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="424"/>
        <source>Remove user</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="425"/>
        <source>Remove {user} from this vault? Their key slots are deleted; they can no longer unlock it.</source>
        <translation>确定从本保险库中删除 {user} 吗？其密钥槽将被删除，此后无法再解锁。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="428"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="434"/>
        <source>Removing {user}…</source>
        <translation>正在删除 {user}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="436"/>
        <source>{user} was removed.</source>
        <translation>已删除 {user}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="444"/>
        <source>Rekey vault</source>
        <translation>更换保险库密钥</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="446"/>
        <source>Re-encrypt the whole vault under a new random key? Every user keeps their passphrase. Backups made before keep working with their own passphrase.</source>
        <translation>确定用新的随机密钥重新加密整个保险库吗？各用户的口令保持不变。此前的备份仍可用其各自的口令恢复。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="449"/>
        <source>Rekey</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="454"/>
        <source>Re-encrypting the vault…</source>
        <translation>正在重新加密保险库…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="456"/>
        <source>The vault now uses a new random key; the old one is forgotten.</source>
        <translation>保险库现已使用新的随机密钥；旧密钥已被清除。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="476"/>
        <source>Encrypted backup written to {path} ({size} bytes, SHA-256 {sha}…).</source>
        <translation>加密备份已写入 {path}（{size} 字节，SHA-256 {sha}…）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="483"/>
        <source>Writing the encrypted backup…</source>
        <translation>正在写入加密备份…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="499"/>
        <source>Replace vault</source>
        <translation>替换保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="501"/>
        <source>The vault in {folder} will be replaced by the backup. It is kept aside, renamed, but this window locks if it is the open vault. Continue?</source>
        <translation>{folder} 中的保险库将被备份替换。原保险库会改名保留；如果它正是当前打开的保险库，本窗口将被锁定。是否继续？</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="504"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="100"/>
        <source>Welcome to Dataroom</source>
        <translation>欢迎使用数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="101"/>
        <source>An encrypted, offline data room for the parties to a company transfer.</source>
        <translation>面向企业转让各方的加密离线数据室。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="104"/>
        <source>Everything you put into the vault is encrypted on this computer and every action is recorded in a tamper-evident audit log. Nothing is sent anywhere.</source>
        <translation>放入保险库的一切都在本机加密，每一项操作都记入防篡改的审计日志。不会向任何地方发送数据。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="108"/>
        <source>Create a new vault</source>
        <translation>创建新的保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="109"/>
        <source>Open an existing vault folder</source>
        <translation>打开已有的保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="110"/>
        <source>Vault folder</source>
        <translation>保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="111"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="122"/>
        <source>Choose the vault folder</source>
        <translation>选择保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="129"/>
        <source>Choose a folder.</source>
        <translation>请选择文件夹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="133"/>
        <source>There is already a vault in this folder. Choose “Open” or another folder.</source>
        <translation>该文件夹中已有保险库。请选择“打开”或其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="135"/>
        <source>This folder is not empty. Choose a new or empty folder for the vault.</source>
        <translation>该文件夹不是空的。请为保险库选择新的或空的文件夹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="137"/>
        <source>This is a file, not a folder.</source>
        <translation>这是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="139"/>
        <source>There is no vault in this folder.</source>
        <translation>该文件夹中没有保险库。</translation>
    </message>
</context>
<context>
    <name>TotpDialog</name>
    <message>
        <location filename="../../dataroom/ui/dialogs/totp_dialog.py" line="30"/>
        <source>Set up an authenticator app</source>
        <translation>设置身份验证器应用</translation>
    </message>
</context>
<context>
    <name>TotpEnrolWidget</name>
    <message>
        <location filename="../../dataroom/ui/totp_widget.py" line="76"/>
        <source>1. Scan the code with an authenticator app (FreeOTP, Google Authenticator, Microsoft Authenticator…).
2. Type the 6-digit code it shows, to prove the phone has the secret.</source>
        <translation>1. 用身份验证器应用（FreeOTP、Google 身份验证器、Microsoft Authenticator 等）扫描二维码。
2. 输入应用显示的 6 位验证码，以确认手机已保存密钥。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/totp_widget.py" line="80"/>
        <source>Or enter this secret by hand:</source>
        <translation>或手动输入以下密钥：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/totp_widget.py" line="81"/>
        <source>6-digit code</source>
        <translation>6 位验证码</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/totp_widget.py" line="82"/>
        <source>Check code</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/totp_widget.py" line="84"/>
        <source>Authenticator set up: unlocking will ask for a code.</source>
        <translation>身份验证器已设置：解锁时将要求输入验证码。</translation>
    </message>
</context>
<context>
    <name>TotpPage</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="394"/>
        <source>Second factor (optional)</source>
        <translation>第二因素（可选）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="395"/>
        <source>Ask for a code from your phone in addition to the passphrase when unlocking.</source>
        <translation>解锁时除口令外，还需输入手机上的验证码。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="396"/>
        <source>Set up an authenticator app now</source>
        <translation>现在设置身份验证器应用</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="21"/>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="21"/>
        <source>Encrypted, signed packets and their receipts.</source>
        <translation>经加密和签名的数据包及其回执。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="23"/>
        <source>Not in the desktop app yet</source>
        <translation>桌面应用暂未提供</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="25"/>
        <source>Here you will export a de-identified (or, after closing, full) dataset as a packet for one named recipient, encrypted to their key and signed by you, with a signed PDF receipt; and verify and import packets you receive.</source>
        <translation>在这里，您将可以为指定接收方将去标识化数据集（交割后可为完整数据集）导出为数据包：以接收方公钥加密、由您签名，并附带已签名的 PDF 回执；也可以验证并导入收到的数据包。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="29"/>
        <source>Arrives with: transfer packets and receipts (journeys 7–8)</source>
        <translation>将随以下功能提供：传输数据包与回执（流程 7–8）</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="125"/>
        <source>Unlock vault</source>
        <translation>解锁保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="126"/>
        <source>Unlock the vault</source>
        <translation>解锁保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="127"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="128"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="129"/>
        <source>Authenticator code:</source>
        <translation>验证码：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="130"/>
        <source>empty: the vault&apos;s creator</source>
        <translation>留空：保险库创建者</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="131"/>
        <source>6 digits</source>
        <translation>6 位数字</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="132"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="137"/>
        <source>Demo vault with synthetic data. Users and their published passphrases:</source>
        <translation>演示保险库，仅含合成数据。用户及其公开口令：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="162"/>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="172"/>
        <source>Trying the system keyring…</source>
        <translation>正在尝试系统钥匙串…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="174"/>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="202"/>
        <source>Enter your passphrase to unlock.</source>
        <translation>请输入口令以解锁。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="232"/>
        <source>You may try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/unlock_dialog.py" line="237"/>
        <source>Too many failed attempts. Try again in {seconds} s.</source>
        <translation>失败次数过多。请在 {seconds} 秒后重试。</translation>
    </message>
</context>
</TS>
