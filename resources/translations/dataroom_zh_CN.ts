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
        <location filename="../../dataroom/ui/controller.py" line="85"/>
        <source>Building the demo deal: seller and buyer vaults, synthetic customers, a signed NDA…</source>
        <translation>正在构建演示交易：卖方和买方保险库、合成客户数据、已签署的保密协议…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="245"/>
        <source>Open vault folder</source>
        <translation>打开保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="251"/>
        <source>There is no vault in {folder}.</source>
        <translation>{folder} 中没有保险库。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="271"/>
        <source>Restored into {folder}. Open it with File → Open vault….</source>
        <translation>已恢复到 {folder}。可通过“文件 → 打开保险库…”打开。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/controller.py" line="283"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="183"/>
        <source>Audit log</source>
        <extracomment>The log grew (an export is itself audited): the main window re-verifies.</extracomment>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="184"/>
        <source>Every action in this vault, hash-chained so that any later change to a record is detected.</source>
        <translation>本保险库中的每一项操作都以哈希链记录，任何事后篡改都会被发现。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="186"/>
        <source>Verify again</source>
        <translation>重新验证</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="187"/>
        <source>Show the first bad record</source>
        <translation>定位第一条异常记录</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="188"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="189"/>
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="191"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="191"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="194"/>
        <source>anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="195"/>
        <source>prefix, e.g. vault.</source>
        <translation>前缀，例如 vault.</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="191"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="196"/>
        <source>dataset name, or any exact object</source>
        <translation>数据集名称，或任一对象的完整名称</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="197"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="198"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="199"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="200"/>
        <source>The selected records, or those shown, as JSON lines others can recheck</source>
        <translation>将所选记录（或当前显示的记录）导出为可供他人复核的 JSON Lines 文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="201"/>
        <source>PDF report…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="202"/>
        <source>A bilingual PDF of the selected or shown records and the chain status</source>
        <translation>中英双语 PDF，包含所选或当前显示的记录以及哈希链状态</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="203"/>
        <source>Your role does not include the audit log. Ask an owner of this vault.</source>
        <translation>您的角色无权查看审计日志。请联系本保险库的所有者。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="300"/>
        <source>Checking…</source>
        <translation>验证中…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="301"/>
        <source>The hash chain is being verified.</source>
        <translation>正在验证哈希链。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="303"/>
        <source>Chain intact</source>
        <translation>哈希链完整</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="305"/>
        <source>{count} records verified; head #{seq} {hash}…</source>
        <translation>已验证 {count} 条记录；链头 #{seq} {hash}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="310"/>
        <source>Chain broken</source>
        <translation>哈希链断裂</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="312"/>
        <source>Record #{seq} fails verification: {reason}. Records after it cannot be trusted.</source>
        <translation>第 #{seq} 条记录未通过验证：{reason}。其后的记录均不可信。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="357"/>
        <source>Export audit records</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="359"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="371"/>
        <source>Exported {count} records to {path}.</source>
        <translation>已将 {count} 条记录导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="377"/>
        <source>Exporting audit records…</source>
        <translation>正在导出审计记录…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="389"/>
        <source>PDF report of the audit log</source>
        <translation>审计日志 PDF 报告</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="391"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="406"/>
        <source>Wrote a report of {count} records to {path}.</source>
        <translation>已将包含 {count} 条记录的报告写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="415"/>
        <source>Writing the audit report…</source>
        <translation>正在写入审计报告…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="423"/>
        <source>{count} records shown</source>
        <translation>显示 {count} 条记录</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_page.py" line="426"/>
        <source>{shown} of {total} records loaded; scroll down for more</source>
        <translation>已加载 {shown} / {total} 条记录；向下滚动可加载更多</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="115"/>
        <source>#</source>
        <extracomment>Records fetched at a time: a screenful many times over, and a read of a few milliseconds. ``fetch(after_seq, limit)``: up to ``limit`` matching records with ``seq &gt; after_seq``, in sequence order.</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="116"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="117"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="118"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="119"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="120"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="135"/>
        <source>Verification fails here: {reason}</source>
        <translation>此处验证失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/audit_model.py" line="139"/>
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
    <name>CardsModel</name>
    <message>
        <location filename="../../dataroom/ui/deal/cards_model.py" line="23"/>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/cards_model.py" line="24"/>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/cards_model.py" line="25"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/cards_model.py" line="26"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/cards_model.py" line="27"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/cards_model.py" line="28"/>
        <source>Confirmed</source>
        <translation>确认情况</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/cards_model.py" line="33"/>
        <source>not yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/cards_model.py" line="34"/>
        <source>{how}, by {user} on {when}</source>
        <translation>{how}，由 {user} 于 {when} 确认</translation>
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
    <name>CheckPage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="135"/>
        <source>Is the packet authentic?</source>
        <translation>数据包是否真实可信？</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="136"/>
        <source>Checked without decrypting anything: sender, signature, recipient, NDA, contents.</source>
        <translation>在不解密任何内容的前提下核验：发送方、签名、接收方、保密协议和内容。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="137"/>
        <source>What is wrong</source>
        <translation>存在的问题</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="138"/>
        <source>What the packet says</source>
        <translation>数据包声明的信息</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="182"/>
        <source>Checking the packet…</source>
        <translation>正在核验数据包…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="184"/>
        <source>The packet could not be checked. Nothing was imported.</source>
        <translation>无法核验该数据包。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="186"/>
        <source>Authentic: signed by a sender you confirmed, made for you, intact.</source>
        <translation>真实可信：由您已确认的发送方签名，接收方为本方，内容完整。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="188"/>
        <source>Refused: this packet cannot be imported. Nothing was decrypted.</source>
        <translation>已拒绝：该数据包无法导入。未解密任何内容。</translation>
    </message>
</context>
<context>
    <name>ColumnPanel</name>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="128"/>
        <source>Why this classification</source>
        <translation>分级依据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="129"/>
        <source>Override</source>
        <translation>人工更正</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="131"/>
        <source>Header</source>
        <translation>列名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="132"/>
        <source>Valid values</source>
        <translation>有效值</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="133"/>
        <source>Blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="134"/>
        <source>Excel damage</source>
        <translation>Excel 损坏</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="135"/>
        <source>Examples (masked)</source>
        <translation>示例（已掩码）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="136"/>
        <source>Found inside text</source>
        <translation>文本中发现</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="137"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="141"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="142"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="143"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="144"/>
        <source>why (kept in the audit log)</source>
        <translation>原因（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="145"/>
        <source>Save override</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="146"/>
        <source>Clear override</source>
        <translation>撤销更正</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="147"/>
        <source>Select a cell to see how its column was classified.</source>
        <translation>选择一个单元格，查看其所在列是如何分级的。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="186"/>
        <source>from column {source}</source>
        <translation>来自列 {source}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="189"/>
        <source>Released as: {rule}</source>
        <translation>发布方式：{rule}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="194"/>
        <source>derived: {field}</source>
        <translation>派生：{field}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="196"/>
        <source>not classified</source>
        <translation>未分级</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="204"/>
        <source>{type} · confidence {confidence}</source>
        <translation>{type} · 置信度 {confidence}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="210"/>
        <source>Set by {user} on {time} (detected: {type}, {cls}){note}</source>
        <translation>由 {user} 于 {time} 设定（自动识别：{type}，{cls}）{note}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="219"/>
        <source>Detected automatically from a sample of the rows.</source>
        <translation>根据行样本自动识别。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="241"/>
        <source>“{word}” suggests {type}</source>
        <translation>“{word}”提示为{type}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="243"/>
        <source>no known word in the header</source>
        <translation>列名中没有已知关键词</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="248"/>
        <source>{share} of {n} sampled values (at least {bound} with 95% confidence)</source>
        <translation>{n} 个样本值中 {share}（95% 置信度下至少 {bound}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/column_panel.py" line="254"/>
        <source>no values in the sample</source>
        <translation>样本中没有值</translation>
    </message>
</context>
<context>
    <name>ConfirmCardDialog</name>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="113"/>
        <source>Confirm identity card</source>
        <extracomment>Methods offered to people, in this order.</extracomment>
        <translation>确认身份卡</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="117"/>
        <source>FINGERPRINT MISMATCH: another card of this party, imported earlier, has different keys. One of them may be a FORGERY. Call the party on a number you already know and compare the whole fingerprint before trusting either card.</source>
        <translation>指纹不一致：此前导入的该方另一张身份卡使用不同的密钥，其中一张可能是伪造的。请拨打您事先已知的号码联系对方，核对完整指纹后再信任任何一张卡。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="123"/>
        <source>I compared the whole fingerprint with the party; accept this card anyway</source>
        <translation>我已与对方核对完整指纹，仍接受此卡</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="125"/>
        <source>Fingerprint in the card file</source>
        <translation>卡文件中的指纹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="126"/>
        <source>Fingerprint the party read out or showed you</source>
        <translation>对方读出或出示的指纹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="127"/>
        <source>type the 60 digits as you hear them; spaces do not matter</source>
        <translation>按听到的顺序输入 60 位数字，空格无关紧要</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="130"/>
        <source>Compared by:</source>
        <translation>核对方式：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="131"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="132"/>
        <source>optional; required for “other” (e.g. who you spoke to)</source>
        <translation>可选；选择“其他”时必填（例如与谁通话）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="133"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="149"/>
        <source>These groups differ: {groups}. Do NOT confirm: this may not be the party&apos;s card.</source>
        <translation>以下各组不一致：{groups}。请勿确认：这可能不是对方的身份卡。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="155"/>
        <source>That is more than 60 digits.</source>
        <translation>输入超过了 60 位数字。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="158"/>
        <source>All 12 groups match.</source>
        <translation>12 组全部一致。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/confirm_dialog.py" line="162"/>
        <source>{count} of 12 groups checked so far.</source>
        <translation>已核对 12 组中的 {count} 组。</translation>
    </message>
</context>
<context>
    <name>ConsentsPanel</name>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="87"/>
        <source>Consents on record</source>
        <translation>已登记的同意</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="88"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="88"/>
        <source>Consents</source>
        <translation>同意数</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="89"/>
        <source>Purpose for files without a purpose column:</source>
        <translation>文件中没有目的列时使用的目的：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="90"/>
        <source>e.g. 转让给受让方</source>
        <translation>例如：转让给受让方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="91"/>
        <source>Import consents (CSV)…</source>
        <translation>导入同意记录（CSV）…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="94"/>
        <source>Each row names a data subject (mobile, ID number or e-mail), the date consent was given and, if so, withdrawn. Identifiers are turned into keyed tokens at once; the vault never stores them.</source>
        <translation>每行列出一个个人信息主体（手机号、身份证号或电子邮箱）、给予同意的日期以及（如有）撤回日期。标识符会立即转换为带密钥的令牌，保险库从不保存标识符本身。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="98"/>
        <source>Coverage of a dataset</source>
        <translation>数据集的同意覆盖率</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="99"/>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="100"/>
        <source>Purpose:</source>
        <translation>目的：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="101"/>
        <source>Compute coverage</source>
        <translation>计算覆盖率</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="143"/>
        <source>Import consents</source>
        <translation>导入同意记录</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="143"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="161"/>
        <source>{rows} rows read: {imported} consents recorded, {duplicates} already on record, {skipped} rows skipped.</source>
        <translation>已读取 {rows} 行：登记 {imported} 条同意，{duplicates} 条已有记录，跳过 {skipped} 行。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="179"/>
        <source>Importing consents…</source>
        <translation>正在导入同意记录…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="191"/>
        <source>Counting the rows with consent…</source>
        <translation>正在统计有同意记录的行…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/consents_panel.py" line="202"/>
        <source>{with_consent} of {rows} rows ({share}) have a valid consent for “{purpose}” on {day}. {without_id} rows have no identifier; consent was withdrawn for {withdrawn} rows. Matched on: {columns}.</source>
        <translation>{rows} 行中有 {with_consent} 行（{share}）在 {day} 对“{purpose}”具有有效同意。{without_id} 行没有标识符；{withdrawn} 行的同意已撤回。匹配依据：{columns}。</translation>
    </message>
</context>
<context>
    <name>DatasetListModel</name>
    <message>
        <location filename="../../dataroom/ui/datasets/list_model.py" line="53"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/list_model.py" line="53"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/list_model.py" line="53"/>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/list_model.py" line="53"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/list_model.py" line="53"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/list_model.py" line="71"/>
        <source>{time} by {user}</source>
        <translation>{time}，{user}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/list_model.py" line="74"/>
        <source>SHA-256 of the original file: {sha}</source>
        <translation>原始文件的 SHA-256：{sha}</translation>
    </message>
</context>
<context>
    <name>DatasetNames</name>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="13"/>
        <source>Resident ID</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="14"/>
        <source>Foreigner&apos;s permanent residence ID</source>
        <translation>外国人永久居留身份证号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="15"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="16"/>
        <source>Bank card</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="17"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="18"/>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="19"/>
        <source>International phone</source>
        <translation>国际电话</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="20"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="21"/>
        <source>Messaging account</source>
        <translation>即时通讯账号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="22"/>
        <source>Person&apos;s name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="23"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="24"/>
        <source>Passport</source>
        <translation>护照号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="25"/>
        <source>Hong Kong ID</source>
        <translation>香港身份证号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="26"/>
        <source>Macao ID</source>
        <translation>澳门身份证号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="27"/>
        <source>Taiwan ID</source>
        <translation>台湾身份证号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="28"/>
        <source>Licence plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="29"/>
        <source>IPv4 address</source>
        <translation>IPv4 地址</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="30"/>
        <source>IPv6 address</source>
        <translation>IPv6 地址</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="31"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="32"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="33"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="34"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="35"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="36"/>
        <source>Religion</source>
        <translation>宗教信仰</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="37"/>
        <source>Health</source>
        <translation>健康信息</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="38"/>
        <source>Precise location</source>
        <translation>精确位置</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="39"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="40"/>
        <source>Purchase amount</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="41"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="42"/>
        <source>Bank name</source>
        <translation>银行名称</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="43"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="44"/>
        <source>Social security number</source>
        <translation>社会保障号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="45"/>
        <source>Free text</source>
        <translation>自由文本</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="46"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="47"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="48"/>
        <source>Identifier</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="49"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="50"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="51"/>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="56"/>
        <source>public</source>
        <extracomment>Colour plus words: every badge says its class in text as well (the words are what a colour-blind reader sees).</extracomment>
        <translation>公开 public</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="57"/>
        <source>consent-required</source>
        <translation>需同意 consent-required</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="58"/>
        <source>sensitive</source>
        <translation>敏感 sensitive</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="62"/>
        <source>may be shared, e.g. a company&apos;s published contact</source>
        <translation>可以共享，例如公司公开的联系方式</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="63"/>
        <source>may move only for data subjects whose consent is on record</source>
        <translation>仅可为已登记同意的个人信息主体转移</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="66"/>
        <source>masked or withheld unless the NDA and closing explicitly allow it (PIPL art. 28)</source>
        <translation>除非保密协议和交割明确允许，否则须掩码或不予提供（《个人信息保护法》第二十八条）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="72"/>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="73"/>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="74"/>
        <source>keyed pseudonym</source>
        <translation>密钥化假名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="75"/>
        <source>generalise</source>
        <translation>泛化</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="76"/>
        <source>derive, then drop</source>
        <translation>派生后删除</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="77"/>
        <source>withhold</source>
        <translation>不予提供</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="81"/>
        <source>Release the value unchanged.</source>
        <translation>原样发布该值。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="82"/>
        <source>Hide characters by position, e.g. 110101********1234, 138****5678, 张*.</source>
        <translation>按位置隐藏字符，例如 110101********1234、138****5678、张*。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="85"/>
        <source>Replace the value by a keyed token: the same value gets the same token inside this deal, and tokens of different deals cannot be linked.</source>
        <translation>用密钥化标记替换该值：同一交易内相同的值得到相同的标记，不同交易的标记无法关联。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="90"/>
        <source>Replace the value by a coarser one: a date by its year, an address by its district, an amount by a band.</source>
        <translation>用更粗粒度的值替换：日期改为年份，地址改为区县，金额改为区间。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="94"/>
        <source>Add columns derived from a resident ID (age band, birth year, gender, province), then drop the ID.</source>
        <translation>根据居民身份证号派生新列（年龄段、出生年份、性别、省份），然后删除身份证号。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="98"/>
        <source>Drop the column from everything shared.</source>
        <translation>在所有共享内容中删除该列。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="102"/>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="103"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="104"/>
        <source>decade</source>
        <translation>年代</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="105"/>
        <location filename="../../dataroom/ui/datasets/names.py" line="113"/>
        <source>age band</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="106"/>
        <source>amount band</source>
        <translation>金额区间</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="107"/>
        <source>district</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="108"/>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="109"/>
        <location filename="../../dataroom/ui/datasets/names.py" line="116"/>
        <source>province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="114"/>
        <source>birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="115"/>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="122"/>
        <source>Resident ID number</source>
        <extracomment>Identifier kinds a data-subject request can search by (``flows.redaction.find_subject``).</extracomment>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="123"/>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="124"/>
        <source>E-mail address</source>
        <translation>电子邮箱地址</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="129"/>
        <source>{count} row(s) do not have as many fields as the header ({where}); they are padded or their extra values are appended to the last column, and marked as ragged.</source>
        <extracomment>Import warnings by code: ``{count}`` occurrences, ``{where}`` the first positions.</extracomment>
        <translation>{count} 行的字段数与表头不一致（{where}）：已补齐空值，或将多出的值并入最后一列，并标记为不齐行。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="134"/>
        <source>{count} row(s) end with empty fields beyond the header&apos;s columns ({where}); they were dropped.</source>
        <translation>{count} 行在表头列之外还有空字段（{where}），已将其删除。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="137"/>
        <source>{count} blank row(s) were skipped ({where}).</source>
        <translation>已跳过 {count} 个空行（{where}）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="138"/>
        <source>{count} cell(s) hold numbers longer than 15 digits ({where}); Excel keeps only 15 significant digits, so ID numbers there may already be damaged. Format such columns as Text in Excel and enter them again.</source>
        <translation>{count} 个单元格中的数字超过 15 位（{where}）。Excel 只保留 15 位有效数字，其中的证件号可能已经损坏。请在 Excel 中将这些列设为“文本”格式后重新录入。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="143"/>
        <source>{count} column(s) have no name; they were given one.</source>
        <translation>{count} 列没有列名，已自动命名。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="144"/>
        <source>{count} column(s) repeat an earlier name; they were renamed.</source>
        <translation>{count} 列与前面的列重名，已重新命名。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="149"/>
        <source>, keep {head} + {tail}</source>
        <translation>，保留前 {head} 位 + 后 {tail} 位</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/names.py" line="150"/>
        <source> (width {width})</source>
        <translation>（宽度 {width}）</translation>
    </message>
</context>
<context>
    <name>DatasetPage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="65"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="66"/>
        <source>Choose the dataset to send as an encrypted, signed packet to one recipient.</source>
        <translation>选择要以加密并签名的数据包形式发送给某一接收方的数据集。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="67"/>
        <source>There is no dataset in this vault yet; import one on the Datasets page.</source>
        <translation>本保险库中还没有数据集；请先在“数据集”页面导入。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="77"/>
        <source>{rows} rows × {columns} columns, imported {when}</source>
        <translation>{rows} 行 × {columns} 列，导入于 {when}</translation>
    </message>
</context>
<context>
    <name>DatasetView</name>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="126"/>
        <source>Show raw values</source>
        <extracomment>Classifications changed (an override): other tabs may refresh. Column widths by name for the dataset shown (fitted once, or dragged by the user).</extracomment>
        <translation>显示原始值</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="128"/>
        <source>Show the values as imported. Your role may see them; every opening is recorded in the audit log.</source>
        <translation>显示导入时的原始值。您的角色有权查看；每次打开都会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="140"/>
        <source>Raw values: personal data</source>
        <translation>原始值：个人信息</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="140"/>
        <source>Unredacted values as imported.</source>
        <translation>导入时的未脱敏值。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="145"/>
        <source>De-identified (去标识化)</source>
        <translation>去标识化（非匿名化）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="146"/>
        <source>Values as the redaction policy releases them: de-identified, not anonymised (PIPL art. 73).</source>
        <translation>按脱敏策略发布的值：已去标识化，但并非匿名化（《个人信息保护法》第七十三条）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="273"/>
        <source>Sorting by {column} would reveal the order of values the policy hides; your role may sort only by columns released unchanged.</source>
        <translation>按 {column} 排序会暴露策略所隐藏的值的顺序；您的角色只能按原样发布的列排序。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="314"/>
        <source>Saving the override…</source>
        <translation>正在保存更正…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="392"/>
        <source>{count} rows</source>
        <translation>{count} 行</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="395"/>
        <source>sorted by {column} {arrow}</source>
        <translation>按 {column} 排序 {arrow}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="397"/>
        <source>filter: {expression}</source>
        <translation>筛选：{expression}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="400"/>
        <source>policy version {version}</source>
        <translation>策略版本 {version}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="402"/>
        <source>default policy (not saved yet)</source>
        <translation>默认策略（尚未保存）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_view.py" line="405"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>DatasetsPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="175"/>
        <source>Datasets</source>
        <extracomment>Tabs that still show an earlier dataset (updated when they are shown).</extracomment>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="176"/>
        <source>Customer tables held in the vault, how sensitive each column is, and what a recipient would see.</source>
        <translation>保险库中的客户数据表、各列的敏感程度，以及接收方将看到的内容。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="178"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="179"/>
        <source>Import a CSV or Excel file (Ctrl+I); you can also drop files here.</source>
        <translation>导入 CSV 或 Excel 文件 (Ctrl+I)；也可以把文件拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="180"/>
        <source>&amp;Import table…</source>
        <translation>导入数据表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="181"/>
        <source>Export de-identified…</source>
        <translation>导出去标识化数据…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="182"/>
        <source>Data-subject request…</source>
        <translation>个人信息主体请求…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="183"/>
        <source>Retention…</source>
        <translation>保存期限…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="184"/>
        <source>How long the selected dataset may be kept</source>
        <translation>所选数据集可保存的期限</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="185"/>
        <source>Destroy…</source>
        <translation>销毁…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="187"/>
        <source>Destroy the selected dataset for good (received data: with a certificate)</source>
        <translation>永久销毁所选数据集（如为接收的数据，同时出具销毁证明）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="190"/>
        <source>or drop CSV / XLSX / XLS files on this window</source>
        <translation>或将 CSV / XLSX / XLS 文件拖放到本窗口</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="192"/>
        <source>Rows</source>
        <translation>数据行</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="192"/>
        <source>Policy</source>
        <translation>脱敏策略</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="192"/>
        <source>Quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="192"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="192"/>
        <source>k-anonymity</source>
        <translation>k-匿名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="202"/>
        <source>No datasets yet.

Import a customer table — CSV in UTF-8, GBK or GB18030, or an Excel workbook — with Import… above, or drop the file on this window. Everything is read as text and stays encrypted in the vault.</source>
        <translation>还没有数据集。

用上方的“导入…”导入客户数据表（UTF-8、GBK 或 GB18030 编码的 CSV，或 Excel 工作簿），或将文件拖放到本窗口。所有内容均按文本读取，并加密保存在保险库中。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="207"/>
        <source>No datasets in this vault yet. A preparer or owner imports them.</source>
        <translation>本保险库中还没有数据集。数据集由准备人或所有者导入。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_actions.py" line="69"/>
        <source>Import tables</source>
        <translation>导入数据表</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_actions.py" line="71"/>
        <source>Tables ({patterns})</source>
        <translation>数据表 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_actions.py" line="123"/>
        <source>The import was cancelled; no dataset was created from the interrupted table.</source>
        <translation>导入已取消；被中断的数据表没有生成任何数据集。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_actions.py" line="127"/>
        <source>Tables imported before it are kept: {names}.</source>
        <translation>此前已导入的数据表予以保留：{names}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_actions.py" line="138"/>
        <source>Imported {names}. Some rows needed attention; hover over the dataset&apos;s name to read what was found.</source>
        <translation>已导入 {names}。部分行需要注意；将鼠标悬停在数据集名称上可查看发现的问题。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="412"/>
        <source>Wrote {rows} de-identified rows ({columns} columns) to {file}.
File SHA-256: {sha}</source>
        <translation>已将 {rows} 行去标识化数据（{columns} 列）写入 {file}。
文件 SHA-256：{sha}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="420"/>
        <source>Rows without consent: {blanked} blanked, {dropped} left out.</source>
        <translation>无同意记录的行：{blanked} 行已清空，{dropped} 行未导出。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/datasets_page.py" line="430"/>
        <source>Exporting {name} (de-identified)…</source>
        <translation>正在导出 {name}（去标识化）…</translation>
    </message>
</context>
<context>
    <name>DealNames</name>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="10"/>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="11"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="12"/>
        <source>SUSPECT: fingerprint mismatch</source>
        <translation>可疑：指纹不一致</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="13"/>
        <source>Replaced by a newer card</source>
        <translation>已被新卡取代</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="21"/>
        <source>In person</source>
        <extracomment>Badge look per card status (colour plus the words above, never colour alone). Methods a person picks in the confirmation dialog (``rollover`` is set by core only).</extracomment>
        <translation>当面核对</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="22"/>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="23"/>
        <source>Video call</source>
        <translation>视频通话</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="24"/>
        <source>Signed paper letter</source>
        <translation>签字的纸质函件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="25"/>
        <source>Other (say how in the note)</source>
        <translation>其他（请在备注中说明）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="26"/>
        <source>Signed over by the party&apos;s earlier key</source>
        <translation>由该方原密钥签名转移</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="30"/>
        <source>Seller</source>
        <translation>卖方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="31"/>
        <source>Buyer</source>
        <translation>买方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="32"/>
        <source>Advisor</source>
        <translation>顾问</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="36"/>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="37"/>
        <source>consent required</source>
        <translation>需同意</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="38"/>
        <source>sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="42"/>
        <source>No onward sharing</source>
        <translation>不得转授</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="43"/>
        <source>Affiliates only</source>
        <translation>仅限关联方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="44"/>
        <source>Professional advisors only</source>
        <translation>仅限专业顾问</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="45"/>
        <source>Affiliates and professional advisors</source>
        <translation>关联方及专业顾问</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="49"/>
        <source>Bilingual (Chinese and English)</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="50"/>
        <source>Chinese only</source>
        <translation>仅中文</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/names.py" line="51"/>
        <source>English only</source>
        <translation>仅英文</translation>
    </message>
</context>
<context>
    <name>DestinationPage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="60"/>
        <source>Destination</source>
        <translation>目标位置</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="61"/>
        <source>Choose where to write the packet; give the file to the recipient by any means.</source>
        <translation>选择数据包的写入位置；可通过任何方式将该文件交给接收方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="62"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="63"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="66"/>
        <source>The packet is encrypted to the recipient&apos;s key and signed with yours; the export is recorded in the audit log with the packet&apos;s hash.</source>
        <translation>数据包使用接收方的密钥加密，并以本方密钥签名；此次导出连同数据包的哈希值一并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="71"/>
        <source>Encrypting and signing the packet…</source>
        <translation>正在加密并签名数据包…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="86"/>
        <source>Dataroom packets (*{suffix})</source>
        <translation>数据室数据包 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="87"/>
        <source>Write the packet to</source>
        <translation>数据包写入位置</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="136"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="113"/>
        <source>Destroy {name}</source>
        <translation>销毁 {name}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="114"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="115"/>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="162"/>
        <source>Save the certificate in</source>
        <translation>销毁证明保存位置</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="116"/>
        <source>Type “{name}” to confirm</source>
        <translation>输入“{name}”以确认</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="117"/>
        <source>Destroy for good</source>
        <translation>永久销毁</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="118"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="120"/>
        <source>Cannot be undone</source>
        <translation>此操作无法撤销</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="130"/>
        <source>This destroys, for good:</source>
        <translation>以下内容将被永久销毁：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="131"/>
        <source>• the dataset “{name}”: {rows} rows × {columns} columns</source>
        <translation>• 数据集“{name}”：{rows} 行 × {columns} 列</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="134"/>
        <source>• imported from {source} ({kind}) by {user} on {time}</source>
        <translation>• 由 {user} 于 {time} 从 {source}（{kind}）导入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="139"/>
        <source>• its retention limit (kept until {day})</source>
        <translation>• 其保存期限（保存至 {day}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="141"/>
        <source>will be overwritten and removed</source>
        <translation>将被覆写并删除</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="141"/>
        <source>already gone</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="142"/>
        <source>• packet file {path} ({state})</source>
        <translation>• 数据包文件 {path}（{state}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="145"/>
        <source>The dataset was received under NDA {id} “{title}”.</source>
        <translation>该数据集系依据保密协议 {id}“{title}”接收。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="147"/>
        <source>Its rows are deleted from the vault and the vault file is rewritten without them.</source>
        <translation>其数据行将从保险库中删除，保险库文件也将重写，不再包含这些数据行。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="151"/>
        <source>A signed certificate of destruction is written for the party that sent the data; send it to them.</source>
        <translation>系统将为发送数据的一方生成经签名的销毁证明；请将其发送给对方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="185"/>
        <source>Destroying {name}…</source>
        <translation>正在销毁 {name}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="204"/>
        <source>Destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="205"/>
        <source>“{name}” and its {rows} rows were destroyed.</source>
        <translation>“{name}”及其 {rows} 行数据已销毁。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="210"/>
        <source>The certificate checks out (signed by this vault&apos;s key).</source>
        <translation>销毁证明核验通过（由本保险库的密钥签名）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="212"/>
        <source>The certificate did not pass its own check; keep it and look at the details below.</source>
        <translation>销毁证明未通过自检；请保留该文件并查看下方详情。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="214"/>
        <source>Certificate of destruction {id}:
{path}
{verdict}</source>
        <translation>销毁证明 {id}：
{path}
{verdict}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/destroy_dialog.py" line="217"/>
        <source>Send it to the party that sent the data; they record it on their side.</source>
        <translation>请将其发送给提供数据的一方，由对方在其保险库中登记。</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="150"/>
        <source>Deal documents</source>
        <translation>交易文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="152"/>
        <source>Non-disclosure agreements as signed structured data. Data leaves the vault only under an NDA that every party signed and that is in force.</source>
        <translation>以签名的结构化数据形式保存的保密协议。只有在各方均已签署且正在生效的保密协议下，数据才能离开保险库。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="156"/>
        <source>New NDA…</source>
        <translation>新建保密协议…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="157"/>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="322"/>
        <source>Sign</source>
        <translation>签署</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="158"/>
        <source>Export for the other party…</source>
        <translation>导出给对方…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="159"/>
        <source>Import signed NDA…</source>
        <translation>导入已签署的保密协议…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="160"/>
        <source>Render PDF…</source>
        <translation>生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="161"/>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="169"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="162"/>
        <source>Notice to data subjects…</source>
        <translation>告知个人信息主体…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="163"/>
        <source>PIPL art. 22: tell the data subjects who receives their data</source>
        <translation>《个人信息保护法》第二十二条：告知个人信息主体其数据的接收方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="164"/>
        <source>No NDA yet. Draft one with “New NDA…”, or import the one another party sent.</source>
        <translation>尚无保密协议。请用“新建保密协议…”起草，或导入对方发来的协议。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="165"/>
        <source>NDAs</source>
        <translation>保密协议</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="166"/>
        <source>Consents</source>
        <translation>同意登记</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="167"/>
        <source>Incidents</source>
        <translation>安全事件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="168"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="241"/>
        <source>Term: {start} – {end}</source>
        <translation>期限：{start} – {end}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="245"/>
        <source>Signatures:</source>
        <translation>签名：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="249"/>
        <source>Why it is not in force:</source>
        <translation>未生效的原因：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="254"/>
        <source>Scope: {datasets}; classes: {classes}; {data}</source>
        <translation>范围：{datasets}；数据类别：{classes}；{data}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="257"/>
        <source>full data</source>
        <translation>完整数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="257"/>
        <source>de-identified data only</source>
        <translation>仅去标识化数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="299"/>
        <source>Drafting the NDA…</source>
        <translation>正在起草保密协议…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="302"/>
        <source>Drafted {id}. Read it (Preview), sign it, then export it for the other party.</source>
        <translation>已起草 {id}。请先阅读（预览）并签署，然后导出给对方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="317"/>
        <source>Sign NDA</source>
        <translation>签署保密协议</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="319"/>
        <source>Sign “{title}” ({id}) with your party&apos;s key? The signature covers every clause exactly as shown in the preview.</source>
        <translation>用本方密钥签署“{title}”（{id}）？签名覆盖预览中显示的每一条款，一字不差。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="327"/>
        <source>Signing the NDA…</source>
        <translation>正在签署保密协议…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="330"/>
        <source>Signed {id}: {state}.</source>
        <translation>已签署 {id}：{state}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="336"/>
        <source>Export NDA</source>
        <translation>导出保密协议</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="336"/>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="366"/>
        <source>NDA files (*.drnda)</source>
        <translation>保密协议文件 (*.drnda)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="354"/>
        <source>Writing the NDA file…</source>
        <translation>正在写入保密协议文件…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="357"/>
        <source>Wrote {path} with the signatures collected so far. Send it to the other party.</source>
        <translation>已写入 {path}，包含目前收集的签名。请将其发送给对方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="366"/>
        <source>Import NDA</source>
        <translation>导入保密协议</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="382"/>
        <source>Checking the NDA and its signatures…</source>
        <translation>正在核验保密协议及其签名…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="391"/>
        <source>Imported the new NDA {id} “{title}”.</source>
        <translation>已导入新的保密协议 {id}“{title}”。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="393"/>
        <source>Updated {id} “{title}”.</source>
        <translation>已更新 {id}“{title}”。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="395"/>
        <source>{count} new signature(s), all verified.</source>
        <translation>新增 {count} 个签名，均已验证。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="403"/>
        <source>Render NDA</source>
        <translation>生成保密协议 PDF</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="403"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="421"/>
        <source>Rendering the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="423"/>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="433"/>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="468"/>
        <source>Writing the notice…</source>
        <translation>正在写入告知书…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/documents_page.py" line="480"/>
        <source>Notice #{id} written: {files}.</source>
        <translation>已写入告知书 #{id}：{files}。</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="228"/>
        <source>The vault is ready</source>
        <translation>保险库已就绪</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="229"/>
        <source>Everything you do in it is now recorded in the audit log.</source>
        <translation>从现在起，您在其中的每一项操作都会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="235"/>
        <source>Folder: {folder}</source>
        <translation>文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="236"/>
        <source>You sign in as: {user} ({role})</source>
        <translation>登录身份：{user}（{role}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="237"/>
        <source>Unlocking: passphrase and system keyring</source>
        <translation>解锁方式：口令和系统钥匙串</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="239"/>
        <source>Unlocking: passphrase</source>
        <translation>解锁方式：口令</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="242"/>
        <source>Second factor: authenticator app</source>
        <translation>第二因素：身份验证器应用</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="245"/>
        <source>Party identity fingerprint: {fingerprint}</source>
        <translation>交易方身份指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="251"/>
        <source>The party identity could not be created: {error}</source>
        <translation>未能创建交易方身份：{error}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="256"/>
        <source>Back up the vault regularly (Settings → Back up) and keep the backup passphrase apart.</source>
        <translation>请定期备份保险库（设置 → 备份），并将备份口令另行妥善保管。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="402"/>
        <source>Packet received</source>
        <translation>已接收数据包</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="403"/>
        <source>The dataset is in the vault, and the packet is recorded as received.</source>
        <translation>数据集已存入保险库，数据包已登记为已接收。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="404"/>
        <source>Counter-sign the sender&apos;s receipt for this packet now</source>
        <translation>立即会签发送方就此数据包出具的回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="417"/>
        <source>Imported “{name}”: {rows} rows × {columns} columns from {sender} ({kind}), packet {packet}. The sender signs a receipt for it; counter-signing that receipt tells them you received exactly this.</source>
        <translation>已导入“{name}”：来自 {sender} 的 {rows} 行 × {columns} 列（{kind}），数据包 {packet}。发送方会就此签发回执；您会签该回执，即向对方确认您收到的正是这些数据。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="425"/>
        <source>full data</source>
        <translation>完整数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="425"/>
        <source>redacted</source>
        <translation>已脱敏</translation>
    </message>
</context>
<context>
    <name>DueNotice</name>
    <message numerus="yes">
        <location filename="../../dataroom/ui/datasets/due_notice.py" line="45"/>
        <source>%n dataset(s) due for destruction</source>
        <translation>
            <numerusform>%n 个数据集应予销毁</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/due_notice.py" line="49"/>
        <source>{name}: kept past its retention, which ended on {day}</source>
        <translation>{name}：已超过保存期限（期限已于 {day} 届满）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/due_notice.py" line="54"/>
        <source>{name}: NDA {id} requires its destruction, overdue since {day}</source>
        <translation>{name}：保密协议 {id} 要求销毁，自 {day} 起已逾期</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/due_notice.py" line="57"/>
        <source>{name}: NDA {id} requires its destruction by {day}</source>
        <translation>{name}：保密协议 {id} 要求于 {day} 前销毁</translation>
    </message>
</context>
<context>
    <name>EvidenceDialogs</name>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="23"/>
        <source>{file} matches no packet sent from this vault: no canary row and no recipient&apos;s token was found.</source>
        <translation>{file} 与本保险库发出的任何数据包都不匹配：未发现溯源标记行，也未发现任何接收方的假名令牌。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="28"/>
        <source>{file} comes from a packet sent to {recipients}.</source>
        <translation>{file} 来自发给 {recipients} 的数据包。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="30"/>
        <source>{file} matches packets sent to several recipients (strongest evidence first): {recipients}.</source>
        <translation>{file} 与发给多个接收方的数据包相匹配（证据最强者在前）：{recipients}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="47"/>
        <source>Choose the leaked table</source>
        <translation>选择外泄的表格</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="48"/>
        <source>Tables (*.csv *.txt *.xlsx *.xlsm)</source>
        <translation>表格 (*.csv *.txt *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="57"/>
        <source>Leak trace</source>
        <translation>泄露溯源</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="62"/>
        <source>Looking for canary rows and pseudonym tokens…</source>
        <translation>正在查找溯源标记行和假名令牌…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="76"/>
        <source>Choose the certificate of destruction</source>
        <translation>选择销毁证明</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="77"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="85"/>
        <source>Certificate recorded: the NDA&apos;s destruction duty is fulfilled.</source>
        <translation>销毁证明已登记：保密协议规定的销毁义务已履行。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="89"/>
        <source>Certificate recorded. Packets still awaiting a certificate: {packets}.</source>
        <translation>销毁证明已登记。仍待提供销毁证明的数据包：{packets}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="93"/>
        <source>Certificate recorded.</source>
        <translation>销毁证明已登记。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="96"/>
        <source>Certificate of destruction</source>
        <translation>销毁证明</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/evidence_dialogs.py" line="101"/>
        <source>Checking the certificate…</source>
        <translation>正在核验证明…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="81"/>
        <source>Export de-identified data</source>
        <extracomment>(format, encoding, file suffix) per choice.</extracomment>
        <translation>导出去标识化数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="82"/>
        <source>De-identified (去标识化), not anonymised</source>
        <translation>去标识化，非匿名化</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="85"/>
        <source>The file holds the rows of {name} as the redaction policy releases them, and says so in its first lines: dataset and policy hashes, and “de-identified, not anonymised” (PIPL art. 73). Cells that a spreadsheet could run as a formula are made inert. The export is recorded in the audit log.</source>
        <translation>文件包含按脱敏策略发布的 {name} 的数据行，并在开头几行注明：数据集和策略的哈希值，以及“已去标识化，非匿名化”（《个人信息保护法》第七十三条）。可能被电子表格当作公式执行的单元格已作无害化处理。此次导出会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="90"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="91"/>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="92"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="94"/>
        <source>CSV, UTF-8 (with BOM, opens in Excel)</source>
        <translation>CSV，UTF-8（带 BOM，可直接用 Excel 打开）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="95"/>
        <source>CSV, GB18030 (older Chinese software)</source>
        <translation>CSV，GB18030（适用于较旧的中文软件）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="96"/>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿 (XLSX)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="103"/>
        <source>default policy (saved as version 1 by this export)</source>
        <translation>默认策略（本次导出时保存为版本 1）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="106"/>
        <source>version {n} of {time} ({sha}…)</source>
        <translation>版本 {n}，{time}（{sha}…）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="112"/>
        <source>in force</source>
        <translation>现行</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="114"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="124"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="124"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/export_dialog.py" line="125"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <location filename="../../dataroom/ui/transfers/export_wizard.py" line="63"/>
        <source>Export packet</source>
        <translation>导出数据包</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="79"/>
        <source>Receive a packet</source>
        <extracomment>File name ending of packets (offered first in the file dialog; the core checks the content, not the name).</extracomment>
        <translation>接收数据包</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="80"/>
        <source>Choose the packet file the sender gave you (USB stick, e-mail, courier).</source>
        <translation>选择发送方交给您的数据包文件（U 盘、电子邮件、快递等）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="81"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="84"/>
        <source>The next step checks the sender&apos;s signature against their confirmed identity card and the encrypted contents against what they signed, before anything is decrypted.</source>
        <translation>下一步会在解密任何内容之前，依据发送方已确认的身份卡核验其签名，并核对加密内容与其所签署的内容是否一致。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="99"/>
        <source>Choose a packet</source>
        <translation>选择数据包</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="101"/>
        <source>Dataroom packets (*{suffix});;All files (*)</source>
        <translation>数据室数据包 (*{suffix});;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="19"/>
        <source>contains</source>
        <extracomment>Comparisons offered: (core operator, label). Labels are translated in ``FilterBar``.</extracomment>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="20"/>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="21"/>
        <source>is not</source>
        <translation>不等于</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="22"/>
        <source>starts with</source>
        <translation>开头是</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="23"/>
        <source>more than / after</source>
        <translation>大于 / 晚于</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="24"/>
        <source>at least</source>
        <translation>至少</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="25"/>
        <source>less than / before</source>
        <translation>小于 / 早于</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="26"/>
        <source>at most</source>
        <translation>至多</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="27"/>
        <source>is blank</source>
        <translation>为空</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="28"/>
        <source>is not blank</source>
        <translation>不为空</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="113"/>
        <source>value, e.g. 上海 or 2024-01-01 or 1000</source>
        <extracomment>Comparisons that make sense across every column at once. The expression to apply (``None`` clears the filter).</extracomment>
        <translation>值，例如 上海、2024-01-01 或 1000</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="114"/>
        <source>e.g. 城市 = 上海 and 累计消费金额 &gt; 1000</source>
        <translation>例如 城市 = 上海 and 累计消费金额 &gt; 1000</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="115"/>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="118"/>
        <source>Type a filter expression: column, operator (=, !=, &gt;, &gt;=, &lt;, &lt;=, contains, starts-with, is-blank, not-blank) and value, joined with and / or. Filters compare the original values.</source>
        <translation>输入筛选表达式：列名、运算符（=、!=、&gt;、&gt;=、&lt;、&lt;=、contains、starts-with、is-blank、not-blank）和值，多个条件用 and / or 连接。筛选比较的是原始值。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="122"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="123"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/filters.py" line="136"/>
        <source>Any column</source>
        <translation>任意列</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="287"/>
        <source>Dataroom — set-up</source>
        <translation>数据室 — 初始设置</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="163"/>
        <source>Your party</source>
        <translation>您的交易方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="164"/>
        <source>Who this copy of Dataroom speaks for. The other parties will see these details.</source>
        <translation>本数据室代表的交易方。其他各方将看到这些信息。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="166"/>
        <source>Organisation:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="167"/>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="168"/>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="169"/>
        <source>Role in the deal:</source>
        <translation>交易角色：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="170"/>
        <source>User name (to sign in):</source>
        <translation>用户名（用于登录）：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="171"/>
        <source>Vault name:</source>
        <translation>保险库名称：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="178"/>
        <source>e.g. 上海示例科技有限公司</source>
        <translation>例如：上海示例科技有限公司</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="179"/>
        <source>shown in the title bar; defaults to the organisation</source>
        <translation>显示在标题栏中；默认为机构名称</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="182"/>
        <source>With the vault, Dataroom creates your party&apos;s signing and encryption keys and an identity card that shows these details; the other parties compare its fingerprint with you before trusting it.</source>
        <translation>创建保险库时，数据室会同时生成本方的签名密钥和加密密钥，以及载有上述信息的身份卡；其他各方会先与您核对身份卡指纹，再予以信任。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="178"/>
        <source>Import a table</source>
        <extracomment>File name endings offered in the file dialog and accepted when dropped (the core checks the content). Encodings offered for text files (the detected one is added when it is not among them). Changes are read again after this pause, so typing in a combo does not start a read per key. A preview was read (tests wait for it).</extracomment>
        <translation>导入数据表</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="181"/>
        <source>{file} ({size} MB)</source>
        <translation>{file}（{size} MB）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="185"/>
        <source>How to read the file</source>
        <translation>读取方式</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="186"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="187"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="188"/>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="193"/>
        <source>Dataset name</source>
        <translation>数据集名称</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="189"/>
        <source>The first row names the columns</source>
        <translation>第一行为列名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="190"/>
        <source>The first row of this sheet names the columns</source>
        <translation>本工作表第一行为列名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="191"/>
        <source>Sheets</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="192"/>
        <source>Tick the sheets to import; each becomes a dataset with the name shown.</source>
        <translation>勾选要导入的工作表；每个工作表生成一个数据集，名称如下所示。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="193"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="194"/>
        <source>First rows, as they will be imported</source>
        <translation>前几行（即导入后的样子）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="195"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="202"/>
        <source>Comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="203"/>
        <source>Semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="204"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="205"/>
        <source>Vertical bar ( | )</source>
        <translation>竖线 ( | )</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="220"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="234"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="235"/>
        <source>Detected: text (CSV), {encoding}, fields separated by {delimiter}, {header}.</source>
        <translation>识别结果：文本 (CSV)，{encoding}，字段以 {delimiter} 分隔，{header}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="238"/>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="246"/>
        <source>first row is a header</source>
        <translation>第一行为表头</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="238"/>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="246"/>
        <source>no header row</source>
        <translation>无表头行</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="241"/>
        <source>Detected: Excel workbook ({kind}) with {count} sheet(s); previewing “{sheet}”, {header}.</source>
        <translation>识别结果：Excel 工作簿 ({kind})，共 {count} 个工作表；正在预览“{sheet}”，{header}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="300"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="393"/>
        <source>Noticed in the first rows:</source>
        <translation>前几行中发现：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="395"/>
        <source>No problems noticed in the first rows. The import reports anything found further on.</source>
        <translation>前几行未发现问题。导入时会报告后续发现的任何问题。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="427"/>
        <source>Tick at least one sheet to import.</source>
        <translation>请至少勾选一个要导入的工作表。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="435"/>
        <source>There is already a dataset named “{name}”; choose another name.</source>
        <translation>已有名为“{name}”的数据集，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_dialog.py" line="437"/>
        <source>Two sheets would get the same name “{name}”.</source>
        <translation>有两个工作表会得到相同的名称“{name}”。</translation>
    </message>
</context>
<context>
    <name>ImportPacketWizard</name>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="470"/>
        <source>Receive a packet</source>
        <translation>接收数据包</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="299"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="300"/>
        <source>Decrypting the packet and checking every row against the signed manifest.</source>
        <translation>正在解密数据包，并依据已签名的清单逐行核对。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="301"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="360"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="370"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="371"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="372"/>
        <source>Imported.</source>
        <translation>导入完成。</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../dataroom/ui/datasets/import_progress.py" line="116"/>
        <source>All read; classifying the columns…</source>
        <extracomment>Speed is measured over the last few seconds (a whole-run average hides a slowdown; one sample is noise).</extracomment>
        <translation>已全部读取；正在对各列分级…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_progress.py" line="117"/>
        <source>{done} MB of {total} MB</source>
        <translation>{done} MB / {total} MB</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_progress.py" line="120"/>
        <source>{rate} MB/s</source>
        <translation>{rate} MB/秒</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_progress.py" line="122"/>
        <source>{done} rows read</source>
        <translation>已读取 {done} 行</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_progress.py" line="123"/>
        <source>{rate} rows/s</source>
        <translation>{rate} 行/秒</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_progress.py" line="125"/>
        <source>about {time} left</source>
        <translation>约剩 {time}</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <location filename="../../dataroom/ui/datasets/import_progress.py" line="177"/>
        <source>Importing {file} as “{name}”…</source>
        <extracomment>Each dataset as it is imported. The task of the table being imported (tests and the benchmark watch it).</extracomment>
        <translation>正在将 {file} 导入为“{name}”…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/import_progress.py" line="179"/>
        <source>Table {n} of {total}: </source>
        <translation>第 {n} 个数据表，共 {total} 个：</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="35"/>
        <source>Leak</source>
        <translation>泄露</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="36"/>
        <source>Alteration</source>
        <translation>篡改</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="37"/>
        <source>Loss</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="38"/>
        <source>Unauthorised access</source>
        <translation>未经授权的访问</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="122"/>
        <source>Log incident</source>
        <extracomment>The format ``found_at`` is stored in (ISO 8601 to the minute, local time as the person recording it knows it).</extracomment>
        <translation>登记安全事件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="124"/>
        <source>What happened:</source>
        <translation>事件概要：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="125"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="126"/>
        <source>Found at:</source>
        <translation>发现时间：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="127"/>
        <source>Data affected:</source>
        <translation>涉及的数据：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="128"/>
        <source>Cause:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="129"/>
        <source>Measures taken:</source>
        <translation>已采取的补救措施：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="130"/>
        <source>Possible harm:</source>
        <translation>可能造成的危害：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="131"/>
        <source>What people can do:</source>
        <translation>个人可采取的减轻危害措施：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="132"/>
        <source>Contact for questions:</source>
        <translation>咨询联系方式：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="138"/>
        <source>a short title, e.g. export file sent to the wrong address</source>
        <translation>简短标题，例如：导出文件发送到了错误的地址</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="139"/>
        <source>Dataset / column</source>
        <translation>数据集 / 字段</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="139"/>
        <source>Rows (all, or e.g. 1-100, 205)</source>
        <translation>行（全部，或如 1-100, 205）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="140"/>
        <source>e-mail or phone of the person who answers questions</source>
        <translation>负责答复咨询人员的电子邮箱或电话</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incident_dialog.py" line="141"/>
        <source>This vault has no dataset yet, so there is nothing an incident can name.</source>
        <translation>本保险库中还没有数据集，因此安全事件没有可关联的数据。</translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="139"/>
        <source>Log incident…</source>
        <translation>登记安全事件…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="140"/>
        <source>Notification drafts…</source>
        <translation>报告与通知草稿…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="142"/>
        <source>PIPL art. 57: the report to the authority and the notice to the people affected, as PDF and text</source>
        <translation>《个人信息保护法》第五十七条：向履行个人信息保护职责的部门提交的报告及致受影响个人的通知，生成 PDF 和文本格式</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="144"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="145"/>
        <source>Chinese and English</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="145"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="145"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="149"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="150"/>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="151"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="152"/>
        <source>What happened</source>
        <translation>事件概要</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="153"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="154"/>
        <source>People (upper estimate)</source>
        <translation>涉及人数（上限估计）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="155"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="160"/>
        <source>No incident on record. If data was leaked, altered or lost, or may have been, log it at once: the people affected are counted from the data and the notification drafts are written from the facts.</source>
        <translation>尚无已登记的安全事件。如果数据发生或者可能发生泄露、篡改、丢失，请立即登记：系统将根据数据统计受影响的人数，并依据事实撰写报告与通知草稿。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="260"/>
        <source>Incident #{id} recorded: {rows} rows, about {people} people affected. Write the notification drafts next.</source>
        <translation>已登记安全事件 #{id}：涉及 {rows} 行，约 {people} 人受影响。下一步请撰写报告与通知草稿。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="269"/>
        <source>Counting the people affected…</source>
        <translation>正在统计受影响的人数…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="277"/>
        <source>Folder for the notification drafts</source>
        <translation>报告与通知草稿的保存文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="301"/>
        <source>Writing the notification drafts…</source>
        <translation>正在撰写报告与通知草稿…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/incidents_panel.py" line="305"/>
        <source>Wrote {count} files: {files}. Check them, then send them as the law requires.</source>
        <translation>已写入 {count} 个文件：{files}。请核对后依法报送或通知。</translation>
    </message>
</context>
<context>
    <name>KAnonTab</name>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="116"/>
        <source>Tick the columns a recipient could link with other data (age band, gender, district…). Rows in groups smaller than k share their combination with fewer than k people and could be singled out (GB/T 42460-2023).</source>
        <translation>勾选接收方可能与其他数据关联的列（年龄段、性别、区县…）。所在分组小于 k 的行，其取值组合与不到 k 个人相同，可能被识别出来（GB/T 42460-2023）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="121"/>
        <source>Quasi-identifiers</source>
        <translation>准标识符</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="122"/>
        <source>Target k</source>
        <translation>目标 k</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="123"/>
        <source>Sensitive column</source>
        <translation>敏感列</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="124"/>
        <source>Target l</source>
        <translation>目标 l</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="125"/>
        <source>Compute k-anonymity</source>
        <translation>计算 k-匿名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="126"/>
        <source>Groups by size</source>
        <translation>按大小统计的分组</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="127"/>
        <source>Generalisations that would help</source>
        <translation>可改善结果的泛化方案</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="128"/>
        <source>Use in the policy editor</source>
        <translation>在策略编辑器中采用</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="129"/>
        <source>Compute to see the groups.</source>
        <translation>计算后显示分组。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="131"/>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="152"/>
        <source>none (no l-diversity)</source>
        <translation>无（不计算 l-多样性）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="192"/>
        <source>Grouping the rows of {name}…</source>
        <translation>正在对 {name} 的行分组…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="204"/>
        <source>k = {k}, reaches the target</source>
        <translation>k = {k}，达到目标</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="206"/>
        <source>k = {k}; {rows} rows ({share} %) still below the target</source>
        <translation>k = {k}；仍有 {rows} 行（{share} %）低于目标</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="235"/>
        <source>k = {k}: meets k = {target}</source>
        <translation>k = {k}：满足 k = {target}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="239"/>
        <source>k = {k}: below k = {target}</source>
        <translation>k = {k}：低于 k = {target}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="243"/>
        <source>{rows} rows in {classes} groups over {qi}. Rows in groups smaller than {target}: {below} ({share} %).</source>
        <translation>按 {qi} 分组：{rows} 行，共 {classes} 组。所在分组小于 {target} 的行：{below}（{share} %）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="254"/>
        <source>groups of {size}</source>
        <translation>{size} 人组</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="260"/>
        <source>l-diversity of {column}: l = {l}; rows in groups with fewer than {target} different values: {rows}.</source>
        <translation>{column} 的 l-多样性：l = {l}；所在分组不同取值少于 {target} 个的行：{rows}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="275"/>
        <source>None needed.</source>
        <translation>无需调整。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/kanon_tab.py" line="277"/>
        <source>No generalisation of these columns reaches the target; consider withholding one.</source>
        <translation>这些列的任何泛化都达不到目标；可考虑不提供其中一列。</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="81"/>
        <source>Protect the vault key</source>
        <translation>保护保险库密钥</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="82"/>
        <source>The vault is encrypted with a random key; here you choose what unlocks it.</source>
        <translation>保险库使用随机密钥加密；在此选择用什么来解锁它。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="83"/>
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="84"/>
        <source>Also keep the key in this computer&apos;s keyring (unlock without typing)</source>
        <translation>同时将密钥保存在本机的系统钥匙串中（无需输入即可解锁）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="88"/>
        <source>Choose a passphrase. With the keyring you rarely type it, but it stays your way back in if the keyring is lost or you move to another computer. Nobody can recover a forgotten passphrase.</source>
        <translation>请设置口令。使用钥匙串后很少需要输入口令，但如果钥匙串丢失或更换电脑，口令仍是您重新进入的唯一途径。忘记的口令任何人都无法找回。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="95"/>
        <source>This computer has no secure keyring, so the passphrase alone protects the vault key. Nobody can recover a forgotten passphrase: write it down and keep it safe.</source>
        <translation>本机没有安全的系统钥匙串，因此仅由口令保护保险库密钥。忘记的口令任何人都无法找回：请将其记下并妥善保管。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="100"/>
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
        <location filename="../../dataroom/ui/main_window.py" line="188"/>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="189"/>
        <source>Deal documents</source>
        <translation>交易文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="190"/>
        <source>Parties</source>
        <translation>交易各方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="191"/>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="192"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="193"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="202"/>
        <source>Offline data room</source>
        <translation>离线数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="203"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="204"/>
        <source>Lock the vault (Ctrl+L)</source>
        <translation>锁定保险库 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="205"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="206"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="207"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="208"/>
        <source>&amp;New vault…</source>
        <translation>新建保险库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="209"/>
        <source>&amp;Open vault…</source>
        <translation>打开保险库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="210"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="211"/>
        <source>&amp;Verify a file…</source>
        <translation>验证文件(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="212"/>
        <source>Check a packet, receipt, certificate, card or audit export</source>
        <translation>核验数据包、回执、销毁证明、身份卡或审计导出文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="213"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="214"/>
        <source>&amp;About Dataroom</source>
        <translation>关于数据室(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="251"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="255"/>
        <source>Vault: {name}</source>
        <translation>保险库：{name}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="258"/>
        <source>User: {user} ({role})</source>
        <translation>用户：{user}（{role}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="263"/>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="264"/>
        <source>Locks after {minutes} min without input</source>
        <translation>无操作 {minutes} 分钟后自动锁定</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="266"/>
        <source>Idle locking is off</source>
        <translation>空闲自动锁定已关闭</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="269"/>
        <source>Demo: synthetic data</source>
        <translation>演示：合成数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="273"/>
        <source>Audit: not in your role</source>
        <translation>审计：您的角色无权查看</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="275"/>
        <source>Audit: checking…</source>
        <translation>审计：验证中…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="279"/>
        <source>Audit chain intact ({count})</source>
        <translation>审计哈希链完整（{count} 条）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="280"/>
        <source>Head #{seq} {hash}…</source>
        <translation>链头 #{seq} {hash}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="285"/>
        <source>Audit chain BROKEN at #{seq}</source>
        <translation>审计哈希链在 #{seq} 处断裂</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="317"/>
        <source>About Dataroom</source>
        <translation>关于数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/main_window.py" line="319"/>
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
        <location filename="../../dataroom/ui/messages.py" line="36"/>
        <source>Writing to the disk failed: it is full, or a file grew past the size allowed. Nothing half-done was kept; free some space and try again.</source>
        <translation>写入磁盘失败：磁盘已满，或文件超过了允许的大小。未保留任何半途而废的内容；请腾出空间后重试。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="45"/>
        <source>The passphrase must be at least 8 characters long.</source>
        <extracomment>Exact core messages with more than one variant per code.</extracomment>
        <translation>口令长度至少为 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="48"/>
        <source>The passphrase repeats too few different characters.</source>
        <translation>口令中不同的字符太少。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="51"/>
        <source>A user name must be 1–64 letters, digits or . @ + - _ (no spaces).</source>
        <translation>用户名须为 1–64 个字母、数字或 . @ + - _（不含空格）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="54"/>
        <source>That code does not match; check the time on this computer and on the phone.</source>
        <translation>验证码不匹配；请检查本机和手机上的时间。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="57"/>
        <source>The last owner cannot be removed; make another user an owner first.</source>
        <translation>不能删除最后一位所有者；请先将其他用户设为所有者。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="60"/>
        <source>Give the organisation&apos;s name (at most 200 characters).</source>
        <translation>请填写机构名称（不超过 200 个字符）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="63"/>
        <source>Give the person&apos;s name (at most 100 characters).</source>
        <translation>请填写姓名（不超过 100 个字符）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="72"/>
        <source>{value} is not an e-mail address.</source>
        <extracomment>Core messages carrying one value: (pattern, translatable text with ``{value}``).</extracomment>
        <translation>“{value}”不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="77"/>
        <source>Something unexpected went wrong and the action did not complete. Technical details are in the log.</source>
        <translation>发生意外错误，操作未完成。技术细节已写入日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="120"/>
        <source>Dataroom</source>
        <extracomment>Boxes shown without a parent window: Python would delete them as soon as the caller&apos;s frame ends.</extracomment>
        <translation>数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="157"/>
        <source>the record is not valid JSON</source>
        <extracomment>Reasons :func:`dataroom.core.audit.log.verify` gives for a broken chain.</extracomment>
        <translation>该记录不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="158"/>
        <source>it does not link to the previous record</source>
        <translation>该记录与上一条记录的链接不符</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="159"/>
        <source>its content was changed after it was written</source>
        <translation>该记录写入后内容被修改</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="162"/>
        <source>its authentication code does not match</source>
        <translation>该记录的认证码不匹配</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/messages.py" line="174"/>
        <source>this record is missing (the next one present is #{seq})</source>
        <translation>该记录缺失（之后存在的下一条是 #{seq}）</translation>
    </message>
</context>
<context>
    <name>NamePage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="229"/>
        <source>Name the dataset</source>
        <translation>为数据集命名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="230"/>
        <source>The packet becomes a new dataset in this vault; it keeps where it came from.</source>
        <translation>数据包将成为本保险库中的一个新数据集，并保留其来源信息。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="231"/>
        <source>Dataset name</source>
        <translation>数据集名称</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="232"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="248"/>
        <source>{rows} rows × {columns} columns from {sender}, under NDA {nda}.</source>
        <translation>{rows} 行 × {columns} 列，来自 {sender}，依据保密协议 {nda}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="256"/>
        <source>Give the dataset a name.</source>
        <translation>请为数据集命名。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/import_wizard.py" line="262"/>
        <source>There is already a dataset with this name; choose another.</source>
        <translation>已有同名数据集，请换一个名称。</translation>
    </message>
</context>
<context>
    <name>NdaEditorDialog</name>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="177"/>
        <source>New NDA</source>
        <translation>新建保密协议</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="179"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="180"/>
        <source>Counterparties:</source>
        <translation>相对方：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="182"/>
        <source>Purpose (Chinese):</source>
        <translation>目的（中文）：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="183"/>
        <source>Purpose (English):</source>
        <translation>目的（英文）：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="184"/>
        <source>Datasets and columns:</source>
        <translation>数据集与字段：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="192"/>
        <source>No confirmed counterparty card yet: import and confirm the other party&apos;s card on the Parties page first.</source>
        <translation>尚无已确认的相对方身份卡：请先在“交易各方”页面导入并确认对方的身份卡。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="196"/>
        <source>Dataset / column</source>
        <translation>数据集 / 字段</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="196"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="197"/>
        <source>Data classes covered:</source>
        <translation>涵盖的数据类别：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="198"/>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="199"/>
        <source>De-identified (redacted) only</source>
        <translation>仅去标识化（脱敏）数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="200"/>
        <source>Full data (after closing)</source>
        <translation>完整数据（交割后）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="204"/>
        <source>Effective on:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="205"/>
        <source>Expires on:</source>
        <translation>到期日期：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="206"/>
        <source>Onward sharing:</source>
        <translation>转授权：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="207"/>
        <source>Destroy within (days):</source>
        <translation>销毁期限（天）：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="208"/>
        <source>Certificate:</source>
        <translation>证明：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="209"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="214"/>
        <source>A signed certificate of destruction is required</source>
        <translation>须出具签名的销毁证明</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="215"/>
        <source>e.g. 评估目标公司客户资产的价值与质量</source>
        <translation>例如：评估目标公司客户资产的价值与质量</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="216"/>
        <source>e.g. evaluating the value and quality of the customer data</source>
        <translation>例如：evaluating the value and quality of the customer data</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="259"/>
        <source>Give the NDA a title.</source>
        <translation>请为保密协议填写标题。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="261"/>
        <source>Tick at least one counterparty.</source>
        <translation>请至少勾选一个相对方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="263"/>
        <source>State the purpose in Chinese and in English.</source>
        <translation>请用中文和英文填写目的。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="265"/>
        <source>Tick the datasets (or columns) the NDA covers.</source>
        <translation>请勾选保密协议涵盖的数据集（或字段）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="267"/>
        <source>Tick at least one data class.</source>
        <translation>请至少勾选一个数据类别。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_editor.py" line="269"/>
        <source>The NDA would expire before it takes effect.</source>
        <translation>保密协议的到期日早于生效日。</translation>
    </message>
</context>
<context>
    <name>NdaModel</name>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="18"/>
        <source>{organisation}: signed {when}</source>
        <translation>{organisation}：已于 {when} 签署</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="22"/>
        <source>{organisation}: INVALID signature ({problem})</source>
        <translation>{organisation}：签名无效（{problem}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="25"/>
        <source>{organisation}: not signed</source>
        <translation>{organisation}：未签署</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="30"/>
        <source>In force</source>
        <translation>已生效</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="32"/>
        <source>Not in force</source>
        <translation>未生效</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="43"/>
        <source>NDA</source>
        <translation>保密协议</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="43"/>
        <source>Parties</source>
        <translation>各方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="43"/>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="43"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="43"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/nda_model.py" line="61"/>
        <source>{signed} of {total} signed</source>
        <translation>{total} 方中已有 {signed} 方签署</translation>
    </message>
</context>
<context>
    <name>NdaPage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="257"/>
        <source>NDA</source>
        <translation>保密协议</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="260"/>
        <source>The NDA must be signed by every party and in force, name the recipient, and cover the dataset, its columns and classes.</source>
        <translation>保密协议须经各方签署且在有效期内，列明接收方，并涵盖该数据集及其字段和分级。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="305"/>
        <source>There is no NDA in this vault. Draft one and have both parties sign it on the Documents page first.</source>
        <translation>本保险库中没有保密协议。请先在“交易文件”页面起草一份，并由双方签署。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="313"/>
        <source>Allowed: the NDA is in force and covers this export to this recipient.</source>
        <translation>允许：该保密协议正在生效，并涵盖向该接收方的此次导出。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="316"/>
        <source>Refused: this NDA does not allow this export, because:</source>
        <translation>已拒绝：该保密协议不允许此次导出，原因如下：</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="122"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="123"/>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="124"/>
        <source>at least 8 characters; a few unrelated words work well</source>
        <translation>至少 8 个字符；几个互不相关的词语效果很好</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="140"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="156"/>
        <source>Too weak</source>
        <translation>太弱</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="156"/>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="156"/>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="156"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/widgets.py" line="156"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="63"/>
        <source>Notice to data subjects</source>
        <translation>告知个人信息主体</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="66"/>
        <source>PIPL art. 22: before the transfer, tell the data subjects the recipient&apos;s name and contact details. The purpose and the categories of data come from the NDA.</source>
        <translation>《个人信息保护法》第二十二条：转移前，须向个人信息主体告知接收方的名称和联系方式。目的和个人信息种类取自保密协议。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="70"/>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="71"/>
        <source>Recipient:</source>
        <translation>接收方：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="72"/>
        <source>Recipient&apos;s contact:</source>
        <translation>接收方联系方式：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="73"/>
        <source>default: the e-mail on the recipient&apos;s card</source>
        <translation>默认：接收方身份卡上的电子邮箱</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="74"/>
        <source>Write to:</source>
        <translation>写入位置：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="75"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="79"/>
        <source>Notice files</source>
        <translation>告知书文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="85"/>
        <source>None of the NDA&apos;s datasets is in this vault.</source>
        <translation>保密协议涉及的数据集均不在此保险库中。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="87"/>
        <source>The NDA names no recipient other than this party.</source>
        <translation>保密协议未列明本方以外的接收方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/notice_dialog.py" line="89"/>
        <source>Choose where to write the notice.</source>
        <translation>请选择告知书的写入位置。</translation>
    </message>
</context>
<context>
    <name>PacketFacts</name>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="23"/>
        <source>card confirmed ({how}, by {user} on {day})</source>
        <translation>身份卡已确认（{how}，由 {user} 于 {day} 确认）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="28"/>
        <source>card not confirmed</source>
        <translation>身份卡未确认</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="30"/>
        <source>FULL data</source>
        <translation>完整数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="32"/>
        <source>de-identified, policy v{version}</source>
        <translation>去标识化，脱敏策略第 {version} 版</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="37"/>
        <source>packet id: {id}, made {when}</source>
        <translation>数据包编号：{id}，生成于 {when}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="40"/>
        <source>sender: {org} ({person}), signature valid; {confirmed}</source>
        <translation>发送方：{org}（{person}），签名有效；{confirmed}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="43"/>
        <source>fingerprint {digits}</source>
        <translation>指纹 {digits}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="46"/>
        <source>recipient: {org} ({person})</source>
        <translation>接收方：{org}（{person}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="49"/>
        <source>NDA: {id}</source>
        <translation>保密协议：{id}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="50"/>
        <source>dataset: {name}, {rows} rows × {columns} columns — {release}</source>
        <translation>数据集：{name}，{rows} 行 × {columns} 列 —— {release}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="53"/>
        <source>columns (class, how it was released):</source>
        <translation>字段（分级，披露方式）：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="60"/>
        <source>policy SHA-256: {sha}</source>
        <translation>脱敏策略 SHA-256：{sha}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="61"/>
        <source>manifest SHA-256: {sha}</source>
        <translation>清单 SHA-256：{sha}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="64"/>
        <source>packet file SHA-256: {sha}</source>
        <translation>数据包文件 SHA-256：{sha}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packet_facts.py" line="66"/>
        <source>sender&apos;s audit head: #{seq} {hash}…</source>
        <translation>发送方审计链头：#{seq} {hash}…</translation>
    </message>
</context>
<context>
    <name>PacketStatus</name>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="19"/>
        <source>sent</source>
        <extracomment>A packet&apos;s state, from its receipt stage (or destruction), in words; never colour alone.</extracomment>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="20"/>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="21"/>
        <source>receipt issued</source>
        <translation>已出具回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="22"/>
        <source>counter-signed</source>
        <translation>已会签</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="23"/>
        <source>recorded</source>
        <translation>回执已登记</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="24"/>
        <source>destroyed</source>
        <translation>已销毁</translation>
    </message>
</context>
<context>
    <name>PacketsModel</name>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="54"/>
        <source>Direction</source>
        <extracomment>Which states are done (green) and which wait on someone (amber).</extracomment>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="55"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="56"/>
        <source>Counterparty</source>
        <translation>相对方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="57"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="58"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="64"/>
        <source>{name} (full data)</source>
        <translation>{name}（完整数据）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="65"/>
        <source>{name} (de-identified)</source>
        <translation>{name}（去标识化）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="74"/>
        <source>sent to</source>
        <translation>发送至</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="74"/>
        <source>received from</source>
        <translation>接收自</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/packets_model.py" line="84"/>
        <source>Packet {id} under {nda}</source>
        <translation>数据包 {id}，依据 {nda}</translation>
    </message>
</context>
<context>
    <name>ParamsEditor</name>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="89"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="90"/>
        <source>Keep first</source>
        <translation>保留前</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="91"/>
        <source>Keep last</source>
        <translation>保留后</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="92"/>
        <source>Generalise to</source>
        <translation>泛化为</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="93"/>
        <source>Band width</source>
        <translation>区间宽度</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="94"/>
        <source>Ages as of</source>
        <translation>年龄计算日期</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="95"/>
        <source>Derive</source>
        <translation>派生</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="100"/>
        <source>type&apos;s shape</source>
        <translation>按类型默认</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="101"/>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="102"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/params_editor.py" line="103"/>
        <source>fixed date</source>
        <translation>固定日期</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="126"/>
        <source>Parties</source>
        <translation>交易各方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="128"/>
        <source>Your identity card and the other parties&apos; cards. Trust a card only after comparing its fingerprint with the party in person or by phone.</source>
        <translation>本方身份卡与其他各方的身份卡。只有在当面或电话核对指纹后，才能信任一张身份卡。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="132"/>
        <source>Your party</source>
        <translation>本方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="136"/>
        <source>Organisation:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="137"/>
        <source>Person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="138"/>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="139"/>
        <source>Role in the deal:</source>
        <translation>交易角色：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="140"/>
        <source>Key generation:</source>
        <translation>密钥代次：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="145"/>
        <source>Safety fingerprint (read it out to the other party)</source>
        <translation>安全指纹（请读给对方核对）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="146"/>
        <source>Export card…</source>
        <translation>导出身份卡…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="147"/>
        <source>Write your public card (.drcard) and a printable PDF of it</source>
        <translation>写出本方公开身份卡（.drcard）及可打印的 PDF</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="148"/>
        <source>Roll over keys…</source>
        <translation>更换密钥…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="149"/>
        <source>Other parties</source>
        <translation>其他各方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="150"/>
        <source>Drop a .drcard file here to import it.</source>
        <translation>将 .drcard 文件拖放到此处即可导入。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="151"/>
        <source>Import card…</source>
        <translation>导入身份卡…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="152"/>
        <source>Compare and confirm…</source>
        <translation>核对并确认…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="203"/>
        <source>This vault has no party identity yet. An owner can create it on the command line: dataroom party init.</source>
        <translation>此保险库尚无交易方身份。所有者可在命令行中创建：dataroom party init。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="215"/>
        <source>{generation} (created {when})</source>
        <translation>{generation}（创建于 {when}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="222"/>
        <source>Other parties compare this fingerprint with you before they trust your card. It changes only when you roll over your keys.</source>
        <translation>其他各方在信任您的身份卡前会与您核对此指纹。只有更换密钥时指纹才会改变。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="240"/>
        <source>Export identity card</source>
        <translation>导出身份卡</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="240"/>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="297"/>
        <source>Identity cards (*.drcard)</source>
        <translation>身份卡 (*.drcard)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="259"/>
        <source>Writing the identity card…</source>
        <translation>正在写入身份卡…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="263"/>
        <source>Wrote your identity card {card} and its printable form {pdf}. Give the card to the other parties; read the fingerprint to them by phone or show them the printout.</source>
        <translation>已写入身份卡 {card} 及其可打印版本 {pdf}。请将身份卡交给其他各方，并通过电话读出指纹或向其出示打印件。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="273"/>
        <source>Roll over keys</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="275"/>
        <source>Make new identity keys? Your fingerprint changes. The new card is signed with the current key, so parties who confirmed your old card can trust the new one; export it and send it to them. Old keys are kept only to verify what they signed.</source>
        <translation>生成新的身份密钥？您的指纹将改变。新身份卡由当前密钥签名，已确认旧卡的各方可以据此信任新卡；请导出并发送给他们。旧密钥仅保留用于验证其签署过的内容。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="279"/>
        <source>Roll over</source>
        <translation>更换</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="285"/>
        <source>Making new identity keys…</source>
        <translation>正在生成新的身份密钥…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="289"/>
        <source>New keys made (generation {generation}). Export your new card and send it to the other parties.</source>
        <translation>已生成新密钥（第 {generation} 代）。请导出新身份卡并发送给其他各方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="297"/>
        <source>Import identity card</source>
        <translation>导入身份卡</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="313"/>
        <source>Checking the identity card…</source>
        <translation>正在核验身份卡…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="353"/>
        <source>Recording the confirmation…</source>
        <translation>正在记录确认…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/parties_page.py" line="360"/>
        <source>The card of {organisation} is confirmed: {how}.</source>
        <translation>{organisation} 的身份卡已确认：{how}。</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="153"/>
        <source>Column</source>
        <extracomment>``() -&gt; [(row number, {output column: shown value})]`` — the rows on screen in the dataset view. The live preview was refreshed (tests wait for it).</extracomment>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="153"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="153"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="154"/>
        <source>Rule of the selected column</source>
        <translation>所选列的规则</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="155"/>
        <source>Operator</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="156"/>
        <source>Class in the policy</source>
        <translation>策略中的类别</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="157"/>
        <source>Undo changes to this column</source>
        <translation>撤销对此列的修改</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="158"/>
        <source>Effect on the rows on screen</source>
        <translation>对屏幕上各行的效果</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="159"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="159"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="159"/>
        <source>With your change</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="160"/>
        <source>note for this version (why), kept in the audit log</source>
        <translation>本版本的说明（原因），记入审计日志</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="161"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="225"/>
        <source>In force: the default policy derived from the column classes (not saved yet).</source>
        <translation>现行：根据各列类别生成的默认策略（尚未保存）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="227"/>
        <source>In force: version {version}, saved {time} by {user}</source>
        <translation>现行：版本 {version}，{user} 于 {time} 保存</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="232"/>
        <source>SHA-256 {sha}…</source>
        <translation>SHA-256 {sha}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="233"/>
        <source>Save as version {n}</source>
        <translation>保存为版本 {n}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="274"/>
        <source>{n} column(s) changed</source>
        <translation>已修改 {n} 列</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="302"/>
        <source>Rule of {column}</source>
        <translation>{column} 的规则</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="404"/>
        <source>A live preview needs the right to see raw values.</source>
        <translation>实时预览需要查看原始值的权限。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="408"/>
        <source>Open the Rows tab and scroll to the rows you want to check.</source>
        <translation>请打开“数据行”标签页，滚动到要检查的行。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="430"/>
        <source>De-identified values of the rows on screen under the policy in force and with your change.</source>
        <translation>屏幕上各行在现行策略下和修改后的去标识化值。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="432"/>
        <source>Keyed tokens are computed with the deal&apos;s key when the policy is saved.</source>
        <translation>密钥化标记在保存策略时用本交易的密钥计算。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/policy_editor.py" line="464"/>
        <source>Saving the policy…</source>
        <translation>正在保存策略…</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="118"/>
        <source>What leaves the vault</source>
        <translation>离开保险库的数据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="121"/>
        <source>Before closing, send de-identified data; the full data goes only after closing, and only if the NDA allows it.</source>
        <translation>交割前只发送去标识化数据；完整数据仅在交割后且保密协议允许时才能发送。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="125"/>
        <source>De-identified, as the redaction policy releases it</source>
        <translation>去标识化数据（按脱敏策略发布）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="126"/>
        <source>Full data: every column unchanged (after closing)</source>
        <translation>完整数据：所有列保持原样（交割后）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="129"/>
        <source>After closing the data belongs to the recipient: the packet carries no canary rows; the NDA must allow full data.</source>
        <translation>交割后数据归接收方所有：数据包不含溯源标记行；保密协议须允许传输完整数据。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="133"/>
        <source>Your role may not see raw data, so it may not send the full data.</source>
        <translation>您的角色无权查看原始数据，因此不能发送完整数据。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="154"/>
        <source>default policy from the column classes (saved as version 1)</source>
        <translation>根据各列类别生成的默认策略（保存为版本 1）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="156"/>
        <source>version {n} of {time} ({sha}…)</source>
        <translation>版本 {n}，{time}（{sha}…）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="159"/>
        <source>in force</source>
        <translation>现行</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_model.py" line="346"/>
        <source>derived: {field}</source>
        <extracomment>Pages kept (LRU): 16 × 200 rows of a dozen short strings is well under 10 MB. Requests kept waiting while one page is read; older ones are where the view no longer is. What a cell shows until its page arrives. Row number role (the dataset&apos;s own row number, not the position in the view). A view is open (after :meth:`open`, a sort or a filter): the row count and columns are known. Opening or a page read failed: the error, to show. Whether the model is waiting for the worker (opening, or pages being read). A page arrived (its index). Pages a cell showed &quot;…&quot; for: only their arrival needs a repaint (read-ahead pages are off screen).</extracomment>
        <translation>派生：{field}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_model.py" line="347"/>
        <source>not classified</source>
        <translation>未分级</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_model.py" line="353"/>
        <source>from column {source}</source>
        <translation>来自列 {source}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_model.py" line="355"/>
        <source>Type: {type}</source>
        <translation>类型：{type}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_model.py" line="358"/>
        <source>Class: {cls} — {hint}</source>
        <translation>类别：{cls}——{hint}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_model.py" line="363"/>
        <source>Class or type set by a reviewer (✎)</source>
        <translation>类别或类型已由人工更正 (✎)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_model.py" line="365"/>
        <source>Released as: {op}</source>
        <translation>发布方式：{op}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/rows_model.py" line="366"/>
        <source>Click to sort by this column</source>
        <translation>点击按此列排序</translation>
    </message>
</context>
<context>
    <name>QualityTab</name>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="71"/>
        <source>Blank cells, distinct values, values failing their checksum or pattern, repeated identifiers and numbers damaged by Excel, counted over every row of the original data.</source>
        <translation>空白单元格、不同值、未通过校验码或格式检查的值、重复的标识以及被 Excel 损坏的数字，基于原始数据的全部行统计。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="75"/>
        <source>Check quality</source>
        <translation>检查质量</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="78"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="79"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="80"/>
        <source>Filled</source>
        <translation>有值</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="81"/>
        <source>Blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="82"/>
        <source>Distinct</source>
        <translation>不同值</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="83"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="84"/>
        <source>Repeated</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="85"/>
        <source>Excel damage</source>
        <translation>Excel 损坏</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="112"/>
        <source>Checking the quality of {name}…</source>
        <translation>正在检查 {name} 的数据质量…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="122"/>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/quality_tab.py" line="125"/>
        <source>{rows} rows; {duplicates} rows repeat an earlier row exactly.</source>
        <translation>共 {rows} 行；其中 {duplicates} 行与前面某行完全相同。</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="19"/>
        <source>There is no NDA &apos;{nda}&apos; in this vault.</source>
        <extracomment>By code, or ``code:variant`` where the sentence depends on a value (``kind``, ``how``).</extracomment>
        <translation>本保险库中没有保密协议“{nda}”。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="20"/>
        <source>The recipient {recipient}… is this vault&apos;s own identity.</source>
        <translation>接收方 {recipient}… 是本保险库自己的身份。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="21"/>
        <source>The recipient {recipient}… is an identity card that is not imported here.</source>
        <translation>接收方 {recipient}… 的身份卡尚未导入本保险库。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="24"/>
        <source>{name} ({recipient}…) is not a permitted recipient under this NDA (permitted: {allowed}).</source>
        <translation>{name}（{recipient}…）不是本保密协议允许的接收方（允许的接收方：{allowed}）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="27"/>
        <source>The card of {name} was replaced by a newer one; send to the current card.</source>
        <translation>{name} 的身份卡已被新卡取代；请发送给当前身份卡。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="30"/>
        <source>The card of {name} is suspect (fingerprint mismatch with another card of the same party).</source>
        <translation>{name} 的身份卡可疑（与同一方的另一张身份卡指纹不一致）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="33"/>
        <source>The card of {name} was never confirmed out of band; compare its fingerprint with them first.</source>
        <translation>{name} 的身份卡从未经带外渠道确认；请先与对方核对指纹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="36"/>
        <source>Dataset &apos;{dataset}&apos; is outside the NDA&apos;s scope (covers: {covered}).</source>
        <translation>数据集“{dataset}”不在保密协议范围内（协议涵盖：{covered}）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="39"/>
        <source>Dataset &apos;{dataset}&apos; is not the data the NDA names: its source file differs (re-imported or replaced).</source>
        <translation>数据集“{dataset}”不是保密协议所列的数据：其源文件不同（已重新导入或被替换）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="43"/>
        <source>Columns outside the NDA&apos;s scope would be released: {columns}.</source>
        <translation>将会披露保密协议范围以外的字段：{columns}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="46"/>
        <source>The NDA allows only {classes} data; these columns would be released: {columns}.</source>
        <translation>保密协议仅允许 {classes} 数据；以下字段将被披露：{columns}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="49"/>
        <source>The NDA allows de-identified (redacted) data only, not the full data.</source>
        <translation>保密协议仅允许传输去标识化（已脱敏）数据，不允许传输完整数据。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="52"/>
        <source>The stored NDA text does not match its recorded hash: it was altered.</source>
        <translation>已存储的保密协议文本与记录的哈希值不符：协议已被篡改。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="53"/>
        <source>The signature of {org} is not valid: {problem}.</source>
        <translation>{org} 的签名无效：{problem}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="54"/>
        <source>Not signed by {org}.</source>
        <translation>{org} 尚未签署。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="55"/>
        <source>The identity card of {org} is not imported here.</source>
        <translation>{org} 的身份卡尚未导入本保险库。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="56"/>
        <source>The identity card of {org} is suspect (fingerprint mismatch with another card of the same party).</source>
        <translation>{org} 的身份卡可疑（与同一方的另一张身份卡指纹不一致）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="59"/>
        <source>The identity card of {org} was never confirmed out of band.</source>
        <translation>{org} 的身份卡从未经带外渠道确认。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="60"/>
        <source>It takes effect only on {day}.</source>
        <translation>协议自 {day} 起方才生效。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="61"/>
        <source>It expired on {day}.</source>
        <translation>协议已于 {day} 到期。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="62"/>
        <source>It ended on {day} (the deal closed).</source>
        <translation>协议已于 {day} 终止（交易已交割）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/deal/reasons.py" line="63"/>
        <source>It ended on {day} (negotiations were terminated).</source>
        <translation>协议已于 {day} 终止（谈判已终止）。</translation>
    </message>
</context>
<context>
    <name>ReceiptDialogs</name>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="73"/>
        <source>NOT VALID: this receipt was changed after signing, or is not signed by the parties it names.</source>
        <extracomment>A receipt has a few pages; a PDF with more is shown only up to here (the check still covers all of it).</extracomment>
        <translation>无效：此回执在签名后被修改，或并非由其列明的各方签名。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="78"/>
        <source>AUTHENTIC: every signature is by a card you confirmed, or by this vault.</source>
        <translation>真实可信：每个签名均来自您已确认的身份卡或本保险库。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="81"/>
        <source>Signatures valid, signer not confirmed by you.</source>
        <translation>签名有效，但您尚未确认签名方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="263"/>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="285"/>
        <source>PDF documents (*.pdf)</source>
        <extracomment>Viewers opened without a parent window: Python would delete them as soon as the caller&apos;s frame ends.</extracomment>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="283"/>
        <source>Save the transfer receipt</source>
        <translation>保存传输回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="292"/>
        <source>Receipt issued and saved as {file}. Give it to the recipient to counter-sign.</source>
        <translation>回执已出具并保存为 {file}。请交给接收方会签。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="299"/>
        <source>Signing the receipt…</source>
        <translation>正在签署回执…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="311"/>
        <source>Choose the receipt to counter-sign</source>
        <translation>选择要会签的回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="323"/>
        <source>Choose the counter-signed receipt</source>
        <translation>选择已会签的回执</translation>
    </message>
</context>
<context>
    <name>ReceiptViewer</name>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="149"/>
        <source>Transfer receipt — {file}</source>
        <translation>传输回执 — {file}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="150"/>
        <source>Counter-sign…</source>
        <translation>会签…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="150"/>
        <source>Record receipt</source>
        <translation>登记回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="171"/>
        <source>The pages cannot be shown here: poppler&apos;s pdftoppm is not installed. Open the file in a PDF viewer to see them; the check on the left covers the whole document.</source>
        <translation>无法在此显示页面：未安装 poppler 的 pdftoppm。请用 PDF 阅读器打开该文件查看；左侧的核验结果涵盖整个文档。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="186"/>
        <source>Checking the signatures…</source>
        <translation>正在核验签名…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="211"/>
        <source>Save the counter-signed receipt</source>
        <translation>保存已会签的回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="211"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="218"/>
        <source>Counter-signing the receipt…</source>
        <translation>正在会签回执…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="225"/>
        <source>Recording the receipt…</source>
        <translation>正在登记回执…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="233"/>
        <source>Counter-signed. Saved as {file}; give this file back to the sender, who records it.</source>
        <translation>已会签并保存为 {file}；请将该文件交回发送方，由其登记。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/receipt_dialogs.py" line="241"/>
        <source>Recorded: {recipient} acknowledged receiving this packet.</source>
        <translation>已登记：{recipient} 已确认收到此数据包。</translation>
    </message>
</context>
<context>
    <name>RecipientPage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="187"/>
        <source>not confirmed: compare its fingerprint with them on the Parties page first</source>
        <translation>未确认：请先在“交易各方”页面与对方核对指纹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="191"/>
        <source>Recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="192"/>
        <source>The packet is encrypted to this party&apos;s key: only they can open it.</source>
        <translation>数据包使用该方的密钥加密，只有该方能够打开。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_pages.py" line="193"/>
        <source>No counterparty card is imported yet; import and confirm one on the Parties page.</source>
        <translation>尚未导入相对方身份卡；请在“交易各方”页面导入并确认。</translation>
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
    <name>RetentionDialog</name>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="91"/>
        <source>Retention of {name}</source>
        <extracomment>Longest &quot;days after import&quot; offered (about 100 years).</extracomment>
        <translation>{name} 的保存期限</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="101"/>
        <source>Now: kept until {day} (set by {user}).</source>
        <translation>当前：保存至 {day}（由 {user} 设定）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="103"/>
        <source>Now: no retention limit; the dataset is kept until someone destroys it.</source>
        <translation>当前：未设保存期限；数据集将一直保存，直至被销毁。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="105"/>
        <source>Keep until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="94"/>
        <source>Keep {name} no longer than needed. When both limits are set, the earlier day counts. Once it has passed, the Datasets page reminds you to destroy the dataset. The change is recorded in the audit log.</source>
        <translation>{name} 的保存时间不应超过必要期限。两项期限都设置时，以较早的日期为准。期限届满后，“数据集”页面会提醒您销毁该数据集。此项更改会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="106"/>
        <source>Days after import, at most</source>
        <translation>导入后最多保存天数</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="107"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="108"/>
        <source>e.g. deal evaluation ends with the NDA</source>
        <translation>例如：交易评估随保密协议到期而结束</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="109"/>
        <source>Remove limit</source>
        <translation>取消期限</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="130"/>
        <source>Saving the retention…</source>
        <translation>正在保存期限设置…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/retention_dialog.py" line="137"/>
        <source>Removing the retention…</source>
        <translation>正在取消保存期限…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="184"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="184"/>
        <source>This computer&apos;s preferences, your account and the vault&apos;s keys.</source>
        <translation>本机偏好设置、您的账户以及保险库密钥。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="186"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="187"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="188"/>
        <source>Lock when idle for:</source>
        <translation>空闲多久后锁定：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="189"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="190"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="191"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="192"/>
        <source>Your party</source>
        <translation>您的交易方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="196"/>
        <source>Organisation:</source>
        <translation>机构：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="198"/>
        <source>E-mail:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="199"/>
        <source>Role in the deal:</source>
        <translation>交易角色：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="206"/>
        <source>Your account</source>
        <translation>您的账户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="207"/>
        <source>Change my passphrase…</source>
        <translation>修改我的口令…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="208"/>
        <source>Set up authenticator…</source>
        <translation>设置身份验证器…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="209"/>
        <source>Turn off authenticator…</source>
        <translation>关闭身份验证器…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="210"/>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="212"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="212"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="212"/>
        <source>Authenticator</source>
        <translation>身份验证器</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="212"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="214"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="215"/>
        <source>Remove user…</source>
        <translation>删除用户…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="218"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="221"/>
        <source>A new role applies from the user&apos;s next unlock: a window already open, yours included, keeps the role it was unlocked with until it is locked.</source>
        <translation>新角色自该用户下次解锁时生效：已打开的窗口（包括您自己的）在锁定之前仍保持解锁时的角色。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="225"/>
        <source>Vault keys and backups</source>
        <translation>保险库密钥与备份</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="228"/>
        <source>Rekeying re-encrypts the whole vault under a new random key. Backups are encrypted with their own passphrase; restoring never deletes a vault, it keeps the replaced one aside.</source>
        <translation>更换密钥会用新的随机密钥重新加密整个保险库。备份使用单独的口令加密；恢复时绝不删除保险库，被替换的保险库会另行保留。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="232"/>
        <source>Rekey vault…</source>
        <translation>更换保险库密钥…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="233"/>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="234"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="273"/>
        <source>Signed in as {user}, {role}: {hint}.</source>
        <translation>当前登录：{user}，{role}：{hint}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="280"/>
        <source>Authenticator: on (unlocking asks for a code)</source>
        <translation>身份验证器：已开启（解锁时需输入验证码）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="280"/>
        <source>Authenticator: off</source>
        <translation>身份验证器：未开启</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="47"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="49"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="197"/>
        <source>Person:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="200"/>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="312"/>
        <source>This vault has no party identity yet. An owner can create it on the command line: dataroom party init.</source>
        <translation>本保险库尚无交易方身份。所有者可在命令行中创建：dataroom party init。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="327"/>
        <source>Other parties compare this fingerprint with you before they trust your identity card.</source>
        <translation>其他各方在信任您的身份卡之前，会与您核对此指纹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="341"/>
        <source>Changing the passphrase…</source>
        <translation>正在修改口令…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="343"/>
        <source>Your passphrase was changed.</source>
        <translation>您的口令已修改。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="356"/>
        <source>The authenticator is set up: unlocking now asks for a code.</source>
        <translation>身份验证器已设置：解锁时将要求输入验证码。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="362"/>
        <source>Turn off authenticator</source>
        <translation>关闭身份验证器</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="363"/>
        <source>Unlocking will no longer ask for a code from your phone. Turn the authenticator off?</source>
        <translation>解锁时将不再要求输入手机上的验证码。确定关闭身份验证器吗？</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="364"/>
        <source>Turn off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="370"/>
        <source>Turning the authenticator off…</source>
        <translation>正在关闭身份验证器…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="372"/>
        <source>The authenticator is off.</source>
        <translation>身份验证器已关闭。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="105"/>
        <source>Adding {user}…</source>
        <translation>正在添加 {user}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="108"/>
        <source>{user} was added. Give them the initial passphrase in person and ask them to change it.</source>
        <translation>已添加 {user}。请当面告知其初始口令，并请其自行修改。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="121"/>
        <source>Remove user</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="122"/>
        <source>Remove {user} from this vault? Their key slots are deleted; they can no longer unlock it.</source>
        <translation>确定从本保险库中删除 {user} 吗？其密钥槽将被删除，此后无法再解锁。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="126"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="132"/>
        <source>Removing {user}…</source>
        <translation>正在删除 {user}…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="134"/>
        <source>{user} was removed.</source>
        <translation>已删除 {user}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="143"/>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="149"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="144"/>
        <source>Make {user} {role} ({hint})? The new role applies from their next unlock; a window already open, yours included, keeps its role until it is locked.</source>
        <translation>将 {user} 设为{role}（{hint}）？新角色自其下次解锁时生效；已打开的窗口（包括您自己的）在锁定之前仍保持原角色。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="161"/>
        <source>Changing the role of {user}…</source>
        <translation>正在更改 {user} 的角色…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_users.py" line="164"/>
        <source>{user} is now {role}. The new role applies from their next unlock.</source>
        <translation>{user} 现为{role}。新角色自其下次解锁时生效。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="380"/>
        <source>Rekey vault</source>
        <translation>更换保险库密钥</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="382"/>
        <source>Re-encrypt the whole vault under a new random key? Every user keeps their passphrase. Backups made before keep working with their own passphrase.</source>
        <translation>确定用新的随机密钥重新加密整个保险库吗？各用户的口令保持不变。此前的备份仍可用其各自的口令恢复。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="385"/>
        <source>Rekey</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="390"/>
        <source>Re-encrypting the vault…</source>
        <translation>正在重新加密保险库…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="392"/>
        <source>The vault now uses a new random key; the old one is forgotten.</source>
        <translation>保险库现已使用新的随机密钥；旧密钥已被清除。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="412"/>
        <source>Encrypted backup written to {path} ({size} bytes, SHA-256 {sha}…).</source>
        <translation>加密备份已写入 {path}（{size} 字节，SHA-256 {sha}…）。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="419"/>
        <source>Writing the encrypted backup…</source>
        <translation>正在写入加密备份…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="435"/>
        <source>Replace vault</source>
        <translation>替换保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="437"/>
        <source>The vault in {folder} will be replaced by the backup. It is kept aside, renamed, but this window locks if it is the open vault. Continue?</source>
        <translation>{folder} 中的保险库将被备份替换。原保险库会改名保留；如果它正是当前打开的保险库，本窗口将被锁定。是否继续？</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/settings_page.py" line="440"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="75"/>
        <source>Welcome to Dataroom</source>
        <extracomment>The wizard&apos;s page ids, in order.</extracomment>
        <translation>欢迎使用数据室</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="76"/>
        <source>An encrypted, offline data room for the parties to a company transfer.</source>
        <translation>面向企业转让各方的加密离线数据室。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="79"/>
        <source>Everything you put into the vault is encrypted on this computer and every action is recorded in a tamper-evident audit log. Nothing is sent anywhere.</source>
        <translation>放入保险库的一切都在本机加密，每一项操作都记入防篡改的审计日志。不会向任何地方发送数据。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="83"/>
        <source>Create a new vault</source>
        <translation>创建新的保险库</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="84"/>
        <source>Open an existing vault folder</source>
        <translation>打开已有的保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="85"/>
        <source>Vault folder</source>
        <translation>保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="86"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="97"/>
        <source>Choose the vault folder</source>
        <translation>选择保险库文件夹</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="104"/>
        <source>Choose a folder.</source>
        <translation>请选择文件夹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="108"/>
        <source>There is already a vault in this folder. Choose “Open” or another folder.</source>
        <translation>该文件夹中已有保险库。请选择“打开”或其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="110"/>
        <source>This folder is not empty. Choose a new or empty folder for the vault.</source>
        <translation>该文件夹不是空的。请为保险库选择新的或空的文件夹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="112"/>
        <source>This is a file, not a folder.</source>
        <translation>这是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard_start.py" line="114"/>
        <source>There is no vault in this folder.</source>
        <translation>该文件夹中没有保险库。</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="67"/>
        <source>Figures of one column as the recipient would see it: computed over the de-identified values, so they reveal nothing the view itself does not.</source>
        <translation>按接收方所见统计某一列：基于去标识化后的值计算，因此不会泄露预览本身之外的信息。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="71"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="72"/>
        <source>Most common values</source>
        <translation>最常见的值</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="73"/>
        <source>Compute to see the values.</source>
        <translation>计算后显示取值。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="74"/>
        <source>No histogram: the values are neither numbers nor dates.</source>
        <translation>无直方图：这些值既不是数字也不是日期。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="113"/>
        <source>Counting the values of {column}…</source>
        <translation>正在统计 {column} 的取值…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="129"/>
        <source>{rows} rows: {filled} filled, {blanks} blank, {distinct} distinct values.</source>
        <translation>共 {rows} 行：{filled} 行有值，{blanks} 行空白，{distinct} 个不同值。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="136"/>
        <source>{n} rows left out for lack of consent.</source>
        <translation>{n} 行因无同意记录而未计入。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="138"/>
        <source>Filter: {expression}</source>
        <translation>筛选：{expression}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="140"/>
        <source>(blank)</source>
        <translation>（空白）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="142"/>
        <source>Distribution (numbers)</source>
        <translation>分布（数值）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="144"/>
        <source>Distribution (dates)</source>
        <translation>分布（日期）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/stats_tab.py" line="146"/>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
</context>
<context>
    <name>SubjectRequestDialog</name>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="105"/>
        <source>Data-subject request</source>
        <extracomment>Row numbers listed per dataset before &quot;…&quot;.</extracomment>
        <translation>个人信息主体请求</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="108"/>
        <source>Find every row of one person in every dataset of this vault, to answer their request to see, copy or delete their data (PIPL arts. 44–47). The identifier is not shown while you type and is never written to the audit log; the request is recorded under a keyed token.</source>
        <translation>在本保险库的所有数据集中查找某个人的全部记录，以响应其查阅、复制或删除个人信息的请求（《个人信息保护法》第四十四至四十七条）。输入时标识不会显示，也绝不写入审计日志；请求以密钥化标记记录。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="113"/>
        <source>Find by</source>
        <translation>查找依据</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="114"/>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="117"/>
        <source>typed hidden; the eye shows it</source>
        <translation>输入内容隐藏；点击眼睛图标可显示</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="118"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="119"/>
        <source>Export for the person…</source>
        <translation>为本人导出…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="120"/>
        <source>Erase…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="122"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="122"/>
        <source>Found in</source>
        <translation>命中列</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="122"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="122"/>
        <source>Row numbers</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="152"/>
        <source>Searching every dataset…</source>
        <translation>正在搜索所有数据集…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="160"/>
        <source>Export the person&apos;s rows</source>
        <translation>导出本人的记录</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="162"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="175"/>
        <source>Wrote {rows} row(s) of this person to {file}. Hand the file over securely and delete your copy.</source>
        <translation>已将此人的 {rows} 行记录写入 {file}。请安全地交付该文件，并删除您的副本。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="181"/>
        <source>Writing the person&apos;s rows…</source>
        <translation>正在写入本人的记录…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="191"/>
        <source>{rows} row(s) in “{dataset}”</source>
        <translation>“{dataset}”中 {rows} 行</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="193"/>
        <source>Erase {total} row(s) of this person for good: {where}? The rows are deleted securely and cannot be restored except from a backup; the erasure is recorded in the audit log.</source>
        <translation>要永久删除此人的 {total} 行记录吗：{where}？这些行将被安全删除，除从备份恢复外无法找回；删除操作会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="202"/>
        <source>Erase a person&apos;s rows</source>
        <translation>删除个人记录</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="202"/>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="212"/>
        <source>Erased {rows} row(s): {counts}.</source>
        <translation>已删除 {rows} 行：{counts}。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="216"/>
        <source>Erasing the rows…</source>
        <translation>正在删除记录…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="228"/>
        <source>No rows hold this identifier.</source>
        <translation>没有记录包含此标识。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/datasets/subject_dialog.py" line="231"/>
        <source>{rows} row(s) in {datasets} dataset(s). Recorded in the audit log as subject {token}.</source>
        <translation>{datasets} 个数据集中共 {rows} 行。已在审计日志中记为主体 {token}。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="181"/>
        <source>Packet written</source>
        <translation>数据包已写入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="183"/>
        <source>Give the file to the recipient, then issue the signed receipt from the Transfers page.</source>
        <translation>请将文件交给接收方，然后在“传输”页面出具签名回执。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="194"/>
        <source>full data, every column unchanged</source>
        <translation>完整数据，所有列保持原样</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="196"/>
        <source>de-identified with policy version {n}</source>
        <translation>已按策略版本 {n} 去标识化</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="199"/>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="200"/>
        <source>Packet: {id} under {nda}</source>
        <translation>数据包：{id}，依据 {nda}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="201"/>
        <source>Contents: {dataset}, {rows} rows × {columns} columns, {what}</source>
        <translation>内容：{dataset}，{rows} 行 × {columns} 列，{what}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="204"/>
        <source>For: {organisation} ({person})</source>
        <translation>接收方：{organisation}（{person}）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="207"/>
        <source>Packet SHA-256: {sha}</source>
        <translation>数据包 SHA-256：{sha}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="208"/>
        <source>Manifest SHA-256: {sha}</source>
        <translation>清单 SHA-256：{sha}</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/transfers/export_destination.py" line="213"/>
        <source>Canary rows among them: {n}, planted for this recipient so a leaked copy can be traced.</source>
        <translation>其中含溯源标记行 {n} 行，专为该接收方植入，以便追查泄露的副本。</translation>
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
        <location filename="../../dataroom/ui/wizard.py" line="190"/>
        <source>Second factor (optional)</source>
        <translation>第二因素（可选）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="191"/>
        <source>Ask for a code from your phone in addition to the passphrase when unlocking.</source>
        <translation>解锁时除口令外，还需输入手机上的验证码。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/wizard.py" line="192"/>
        <source>Set up an authenticator app now</source>
        <translation>现在设置身份验证器应用</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="105"/>
        <source>Transfers</source>
        <extracomment>``countersign_interactive`` or ``record_interactive``: (parent, session, path or ``None`` to ask) → viewer.</extracomment>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="107"/>
        <source>Encrypted, signed packets sent to one named recipient or received from one, and their signed receipts.</source>
        <translation>发送给指定接收方或从其接收的加密签名数据包，及其签名回执。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="110"/>
        <source>Export packet…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="112"/>
        <source>Send a dataset (de-identified or, after closing, the full data) to a recipient, under an NDA</source>
        <translation>依据保密协议向接收方发送数据集（去标识化数据，或交割后的完整数据）</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="114"/>
        <source>Import packet…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="115"/>
        <source>Check a packet you received and, if it is authentic, import it</source>
        <translation>核验收到的数据包，确认真实可信后导入</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="116"/>
        <source>Issue receipt…</source>
        <translation>出具回执…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="117"/>
        <source>Sign the transfer receipt of the selected packet you sent</source>
        <translation>为所选的已发送数据包签署传输回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="118"/>
        <source>Counter-sign receipt…</source>
        <translation>会签回执…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="119"/>
        <source>Check the sender&apos;s receipt for a packet you imported and sign it</source>
        <translation>核验发送方就您已导入的数据包出具的回执并会签</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="120"/>
        <source>Record receipt…</source>
        <translation>登记回执…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="121"/>
        <source>Check the receipt the recipient counter-signed and record it</source>
        <translation>核验接收方已会签的回执并登记</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="122"/>
        <source>View receipt…</source>
        <translation>查看回执…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="123"/>
        <source>Open any receipt: its pages and whether its signatures hold</source>
        <translation>打开任一回执：查看其页面及签名是否有效</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="124"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="125"/>
        <source>Trace a leaked table…</source>
        <translation>追溯外泄表格…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="126"/>
        <source>Find which recipient&apos;s packet a CSV or XLSX found outside came from</source>
        <translation>查明在外部发现的 CSV 或 XLSX 来自哪个接收方的数据包</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="127"/>
        <source>Record a certificate of destruction…</source>
        <translation>登记销毁证明…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="129"/>
        <source>Check the certificate a recipient sent after destroying data from your packets, and record it</source>
        <translation>核验接收方销毁您数据包中的数据后发来的证明，并予以登记</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="266"/>
        <source>Choose a receipt</source>
        <translation>选择回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/pages/transfers_page.py" line="131"/>
        <source>No packet was sent or received yet.</source>
        <translation>尚未发送或接收任何数据包。</translation>
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
<context>
    <name>VerifyPanel</name>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="35"/>
        <source>Transfer packet</source>
        <extracomment>The kinds :func:`~dataroom.core.flows.verify.verify_file` names, as the panel shows them.</extracomment>
        <translation>传输数据包</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="36"/>
        <source>Transfer receipt</source>
        <translation>传输回执</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="37"/>
        <source>Certificate of destruction</source>
        <translation>销毁证明</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="38"/>
        <source>Identity card</source>
        <translation>身份卡</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="39"/>
        <source>Audit log export</source>
        <translation>审计日志导出文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="40"/>
        <source>NDA file</source>
        <translation>保密协议文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="41"/>
        <source>Signed PDF</source>
        <translation>签名 PDF</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="42"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="43"/>
        <source>Unknown kind of file</source>
        <translation>未知文件类型</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="58"/>
        <location filename="../../dataroom/ui/verify_panel.py" line="130"/>
        <source>Verify a file</source>
        <extracomment>Emitted with the :class:`~dataroom.core.flows.verify.VerifyReport` once a check is done.</extracomment>
        <translation>验证文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="60"/>
        <source>Dataroom files (*.drpkt *.pdf *.drcard *.jsonl *.drnda);;All files (*)</source>
        <translation>数据室文件 (*.drpkt *.pdf *.drcard *.jsonl *.drnda);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="131"/>
        <source>Verify another file…</source>
        <translation>验证其他文件…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="132"/>
        <source>Drop another file here to verify it.</source>
        <translation>将其他文件拖放到此处即可验证。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="134"/>
        <source>What is wrong</source>
        <translation>存在的问题</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="135"/>
        <source>Signed by</source>
        <translation>签名方</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="136"/>
        <source>What it covers</source>
        <translation>涵盖内容</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="137"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="151"/>
        <source>Cannot check</source>
        <translation>无法验证</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="156"/>
        <source>Checking…</source>
        <translation>验证中…</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="157"/>
        <source>The file is being checked.</source>
        <translation>正在验证文件。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="176"/>
        <source>Not a Dataroom file</source>
        <translation>不是数据室文件</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="178"/>
        <source>Dataroom does not know this kind of file. It verifies transfer packets, receipts, certificates of destruction, identity cards, audit log exports and NDA files.</source>
        <translation>数据室无法识别此类文件。可验证的文件包括：传输数据包、回执、销毁证明、身份卡、审计日志导出文件和保密协议文件。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="185"/>
        <source>Authentic</source>
        <translation>真实可信</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="186"/>
        <source>Authentic: every check passed and the signer is a party you have confirmed in this vault.</source>
        <translation>真实可信：所有检查均已通过，且签名方是您已在本保险库中确认的交易方。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="191"/>
        <source>Intact</source>
        <translation>完整</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="193"/>
        <source>Intact: its hash chain is complete and unchanged. It carries no signature, so it does not prove by itself whose log it is.</source>
        <translation>完整：其哈希链完整且未被修改。该文件不带签名，因此本身无法证明是谁的日志。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="200"/>
        <source>Signature valid</source>
        <translation>签名有效</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="202"/>
        <source>The signature is valid and the file is unchanged, but you have not confirmed the signer: compare the fingerprint with the party (by phone or in person) before trusting it.</source>
        <translation>签名有效且文件未被修改，但您尚未确认签名方：请先（通过电话或当面）与该方核对指纹，再予以信任。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="209"/>
        <source>Not checked</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="210"/>
        <source>This file can only be checked against the parties&apos; cards: unlock a vault that holds them.</source>
        <translation>此文件只能依据各方的身份卡验证：请解锁保存有这些身份卡的保险库。</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="214"/>
        <source>NOT authentic</source>
        <translation>不可信</translation>
    </message>
    <message>
        <location filename="../../dataroom/ui/verify_panel.py" line="216"/>
        <source>Do not trust this file: it was changed, damaged or signed by someone else. See what is wrong below.</source>
        <translation>请勿信任此文件：它已被修改、损坏，或由他人签名。问题详见下方。</translation>
    </message>
</context>
</TS>
