<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminPinScreen</name>
    <message>
        <source>管理员登录</source>
        <translation>Operator sign-in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请输入管理密码</source>
        <translation>Enter the operator PIN</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>请输入 %1 到 %2 位数字</source>
        <translation>Enter %1 to %2 digits</translation>
    </message>
    <message>
        <source>PIN 错误，还可尝试 %1 次</source>
        <translation>Wrong PIN; %1 tries left</translation>
    </message>
    <message>
        <source>未设置管理密码（在终端运行 kiosk set-pin）</source>
        <translation>No operator PIN is set (run kiosk set-pin in a terminal)</translation>
    </message>
    <message>
        <source>已锁定，请 %1 分 %2 秒后再试</source>
        <translation>Locked. Try again in %1 min %2 s.</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>终端管理</source>
        <extracomment>backlight percent per tap of − or + lines of the log shown a restart or exit not confirmed within this many seconds is called off the admin changed the backlight levels: (day %, quiet %) — the app re-applies its schedule</extracomment>
        <translation>Kiosk administration</translation>
    </message>
    <message>
        <source>返回服务</source>
        <translation>Back to service</translation>
    </message>
    <message>
        <source>与中心同步</source>
        <translation>Sync with the office</translation>
    </message>
    <message>
        <source>上次成功</source>
        <translation>Last success</translation>
    </message>
    <message>
        <source>上次尝试</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <source>上次错误</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>待发送记录</source>
        <translation>Records to send</translation>
    </message>
    <message>
        <source>内容版本</source>
        <translation>Content version</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>打印队列</source>
        <translation>Print queue</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>打印测试页</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>屏幕亮度</source>
        <translation>Screen brightness</translation>
    </message>
    <message>
        <source>服务时间</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>安静时段</source>
        <translation>Quiet hours</translation>
    </message>
    <message>
        <source>维护模式</source>
        <translation>Maintenance mode</translation>
    </message>
    <message>
        <source>维护期间，访客看到“暂停服务，请到窗口咨询”；已保存的评价和意见照常发送。重启后仍保持。</source>
        <translation>During maintenance visitors see “Out of service. Please ask at a window.”; saved ratings and comments are still sent. It stays on after a restart.</translation>
    </message>
    <message>
        <source>触摸测试</source>
        <translation>Touch test</translation>
    </message>
    <message>
        <source>在屏幕四角和中央各点一次，检查触摸是否准确、边角是否灵敏。</source>
        <translation>Tap each corner and the centre once to check that touches land accurately, also at the edges.</translation>
    </message>
    <message>
        <source>本次尚未测试</source>
        <translation>Not tested since start-up</translation>
    </message>
    <message>
        <source>开始触摸测试</source>
        <translation>Start the touch test</translation>
    </message>
    <message>
        <source>程序</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>重启程序</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>运行日志（最近 %1 行）</source>
        <translation>Log (last %1 lines)</translation>
    </message>
    <message>
        <source>刷新日志</source>
        <translation>Refresh the log</translation>
    </message>
    <message>
        <source>终端 %1 · 版本 %2</source>
        <translation>Kiosk %1 · version %2</translation>
    </message>
    <message>
        <source>同步未启动（内容没有加载）</source>
        <translation>Sync not started (no content loaded)</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>（连续失败 %1 次）</source>
        <translation> (%1 failures in a row)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>，另有 %1 条被中心退回</source>
        <translation>, %1 more refused by the office</translation>
    </message>
    <message>
        <source>已请求同步。同步在后台进行，完成后这里的数字会更新，也可以点“刷新”。</source>
        <translation>Sync requested. It runs in the background; the figures here update when it is done, or tap “Refresh”.</translation>
    </message>
    <message>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>正在打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>找不到这个打印队列</source>
        <translation>This print queue does not exist</translation>
    </message>
    <message>
        <source>打印服务（CUPS）没有运行</source>
        <translation>The print service (CUPS) is not running</translation>
    </message>
    <message>
        <source>未配置打印机</source>
        <translation>No printer configured</translation>
    </message>
    <message>
        <source>在配置文件中设置 printer（CUPS 队列名）后重启程序。</source>
        <translation>Set printer (the CUPS queue name) in the configuration file, then restart.</translation>
    </message>
    <message>
        <source>测试页已打印，请到出纸口取纸，用直尺量一量方格。</source>
        <translation>Test page printed. Take it from the printer and measure the squares with a ruler.</translation>
    </message>
    <message>
        <source>测试页没能打印：%1</source>
        <translation>The test page was not printed: %1</translation>
    </message>
    <message>
        <source>正在打印测试页…</source>
        <translation>Printing the test page…</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>再打印一张</source>
        <translation>Print another</translation>
    </message>
    <message>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>未设置安静时段（配置项 quiet_hours）</source>
        <translation>No quiet hours set (configuration key quiet_hours)</translation>
    </message>
    <message>
        <source>安静时段：每天 %1 至 %2</source>
        <translation>Quiet hours: daily %1 to %2</translation>
    </message>
    <message>
        <source>背光控制：%1，现在 %2</source>
        <translation>Backlight: %1, now %2</translation>
    </message>
    <message>
        <source>未找到背光控制：安静时段以屏幕变暗代替</source>
        <translation>No backlight control found: the screen is dimmed in quiet hours instead</translation>
    </message>
    <message>
        <source>当前：暂停服务（维护中）</source>
        <translation>Now: out of service (maintenance)</translation>
    </message>
    <message>
        <source>当前：正常服务</source>
        <translation>Now: in service</translation>
    </message>
    <message>
        <source>恢复服务</source>
        <translation>Resume service</translation>
    </message>
    <message>
        <source>暂停服务，进入维护</source>
        <translation>Stop service for maintenance</translation>
    </message>
    <message>
        <source>上次测试：%1 / 5 个目标点中，最大偏差 %2 毫米</source>
        <translation>Last test: %1 of 5 targets hit, largest offset %2 mm</translation>
    </message>
    <message>
        <source>上次测试：没有点中任何目标</source>
        <translation>Last test: no target hit</translation>
    </message>
    <message>
        <source>确定重启程序吗？访客界面会中断几秒钟。</source>
        <translation>Restart the program? The visitor screens stop for a few seconds.</translation>
    </message>
    <message>
        <source>确认重启</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <source>确定退出程序吗？退出后本机不再提供服务，需要技术人员重新启动。</source>
        <translation>Quit the program? The kiosk then stops serving visitors until a technician starts it again.</translation>
    </message>
    <message>
        <source>确认退出</source>
        <translation>Quit now</translation>
    </message>
    <message>
        <source>（日志为空）</source>
        <translation>(The log is empty)</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>轻触屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <source>演示内容</source>
        <translation>Demo content</translation>
    </message>
    <message>
        <source>便民服务厅</source>
        <translation>Public Service Hall</translation>
    </message>
    <message>
        <source>yyyy年M月d日 dddd  HH:mm</source>
        <translation>dddd d MMMM yyyy  HH:mm</translation>
    </message>
    <message>
        <source>“四零”承诺 · %1</source>
        <translation>Our “four zeros” pledge · %1</translation>
    </message>
</context>
<context>
    <name>CodePad</name>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>CommitmentsScreen</name>
    <message>
        <source>服务承诺与制度</source>
        <translation>Service pledges and rules</translation>
    </message>
    <message>
        <source>我们公开作出以下服务承诺，执行以下服务制度，欢迎您监督。</source>
        <translation>These are our public service pledges and rules. We welcome your oversight.</translation>
    </message>
    <message>
        <source>监督投诉 ›</source>
        <translation>Complaints ›</translation>
    </message>
    <message>
        <source>“四零”服务公开承诺</source>
        <translation>Our “four zeros” service pledge</translation>
    </message>
    <message>
        <source>监督投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>监督投诉电话</source>
        <translation>Complaints phone</translation>
    </message>
    <message>
        <source>咨询电话</source>
        <translation>Enquiry phone</translation>
    </message>
    <message>
        <source>办公时间</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>对服务有意见或建议，也可以投入便民服务厅意见箱，或向任何一位工作人员反映；我们将及时处理、限期答复。</source>
        <translation>You can also put comments in the hall&apos;s comment box or tell any member of staff. We deal with them promptly and reply within the set time.</translation>
    </message>
</context>
<context>
    <name>ContentLanguageNote</name>
    <message>
        <source>以下内容仅提供中文</source>
        <translation>Some details below are given in Chinese only.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>yyyy年M月d日</source>
        <extracomment>the languages a visitor can choose; the first is the source language of the UI strings</extracomment>
        <translation>d MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>DepartmentCard</name>
    <message>
        <source>办公地点：</source>
        <translation>Office: </translation>
    </message>
    <message>
        <source>咨询电话：</source>
        <translation>Enquiry phone: </translation>
    </message>
    <message numerus="yes">
        <source>%n 个事项</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个窗口岗位</source>
        <translation>
            <numerusform>%n service window</numerusform>
            <numerusform>%n service windows</numerusform>
        </translation>
    </message>
    <message>
        <source>查看办理事项 ›</source>
        <translation>View services ›</translation>
    </message>
</context>
<context>
    <name>DepartmentsScreen</name>
    <message>
        <source>按部门查找</source>
        <translation>Find by department</translation>
    </message>
    <message>
        <source>点按一个部门，查看它负责办理的全部事项和窗口。</source>
        <translation>Tap a department to see all its services and windows.</translation>
    </message>
    <message>
        <source>暂时没有公布的服务部门，请到服务台咨询。</source>
        <translation>No departments are listed yet. Please ask at the service desk.</translation>
    </message>
</context>
<context>
    <name>DigitKeypad</name>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>ABC 字母</source>
        <translation>ABC letters</translation>
    </message>
</context>
<context>
    <name>DigitPad</name>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>FeedbackQueryScreen</name>
    <message>
        <source>查询办理进度</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <source>输入意见箱回执上的8位查询编号（不含 0、O、1、I）</source>
        <translation>Enter the 8-character tracking code from your receipt (it has no 0, O, 1 or I)</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>办理答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>输入编号后，这里显示受理、处理、答复和办结的进度。</source>
        <translation>Enter your code to see its progress here: received, in progress, replied, closed.</translation>
    </message>
    <message>
        <source>暂时无法查询，请稍后再试</source>
        <translation>Cannot check right now. Please try again later.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>查询编号 %1</source>
        <translation>Tracking code %1</translation>
    </message>
    <message>
        <source>未查到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>当前进度：%1</source>
        <translation>Progress: %1</translation>
    </message>
    <message>
        <source>提交日期</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>承诺答复日期</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>答复日期</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>意见箱</source>
        <translation>Comment box</translation>
    </message>
    <message>
        <source>意见建议、投诉、举报、表扬，我们都会认真处理并限期答复</source>
        <translation>Suggestions, complaints, reports and praise: we handle each one carefully and reply within the set time</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>反映的对象（可不选）</source>
        <translation>About (optional)</translation>
    </message>
    <message>
        <source>选择部门、窗口或事项</source>
        <translation>Choose a department, window or service</translation>
    </message>
    <message>
        <source>不指定</source>
        <translation>None</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Your message</translation>
    </message>
    <message>
        <source>请写下您的意见或遇到的情况：时间、窗口、事情经过（用下方键盘输入）</source>
        <translation>Write your comment or what happened: when, which window, what took place (use the keyboard below)</translation>
    </message>
    <message>
        <source>匿名举报：不留姓名和电话</source>
        <translation>Report anonymously: no name or phone</translation>
    </message>
    <message>
        <source>匿名举报无法回访，请记下提交后的查询编号，凭编号查看答复。</source>
        <translation>We cannot call you back about an anonymous report. Note the tracking code you get and use it to see the reply.</translation>
    </message>
    <message>
        <source>姓名（可不填）</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <source>联系电话（可不填）</source>
        <translation>Phone (optional)</translation>
    </message>
    <message>
        <source>电话仅用于工作人员回访核实，不会公开显示；提交后屏幕上只显示部分号码。</source>
        <translation>Your phone is only used by staff to call you back and is never shown in public; after you submit, only part of it is shown.</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>%1号窗口 · %2</source>
        <translation>Window %1 · %2</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 / %2 字</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message>
        <source>暂时无法提交，请稍后再试或联系服务台</source>
        <translation>Cannot submit right now. Please try again later or ask at the service desk.</translation>
    </message>
    <message>
        <source>提交成功，谢谢您！</source>
        <translation>Submitted. Thank you!</translation>
    </message>
    <message>
        <source>您的查询编号</source>
        <translation>Your tracking code</translation>
    </message>
    <message>
        <source>请拍照或记下编号，凭编号在本机“查询办理回复”查看进度和答复。</source>
        <translation>Take a photo of the code or write it down. Use it under “Check a reply” to see progress and our reply.</translation>
    </message>
    <message>
        <source>手机扫码保存查询编号</source>
        <translation>Scan to keep the code on your phone</translation>
    </message>
    <message>
        <source>查询进度</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <source>我们将在 %1 前答复</source>
        <translation>We will reply by %1</translation>
    </message>
    <message>
        <source>提交时间：%1</source>
        <translation>Submitted: %1</translation>
    </message>
    <message>
        <source>回访电话：%1</source>
        <translation>Call-back phone: %1</translation>
    </message>
    <message>
        <source>选择反映的对象</source>
        <translation>Choose what it is about</translation>
    </message>
    <message>
        <source>返回填写</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>窗口岗位</source>
        <translation>Service windows</translation>
    </message>
    <message>
        <source>办理事项</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>轻触选择部门</source>
        <translation>Tap a department</translation>
    </message>
    <message>
        <source>轻触选择窗口</source>
        <translation>Tap a window</translation>
    </message>
    <message>
        <source>先选事项所属的部门</source>
        <translation>First choose the department of the service</translation>
    </message>
    <message numerus="yes">
        <source>%n 个事项</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>轻触选择事项</source>
        <translation>Tap a service</translation>
    </message>
    <message>
        <source>‹ 重新选择部门</source>
        <translation>‹ Choose another department</translation>
    </message>
</context>
<context>
    <name>FinderScreen</name>
    <message>
        <source>第一步  选择类别</source>
        <translation>Step 1  Choose a topic</translation>
    </message>
    <message>
        <source>第二步  选择事项</source>
        <translation>Step 2  Choose a service</translation>
    </message>
    <message>
        <source>第三步  去哪里办</source>
        <translation>Step 3  Where to go</translation>
    </message>
    <message>
        <source>您要办什么事？</source>
        <translation>What do you need to do?</translation>
    </message>
    <message>
        <source>首问负责：选一类事情，再选具体事项，我们告诉您到几号窗口办理。</source>
        <translation>Choose a topic, then the service, and we tell you which window to go to.</translation>
    </message>
    <message>
        <source>输入几个字母查找</source>
        <translation>Type a few letters</translation>
    </message>
    <message>
        <source>用拼音首字母，如 hp（环评）、pwxk（排污许可）</source>
        <translation>Pinyin initials, e.g. hp or pwxk</translation>
    </message>
    <message>
        <source>输入事项名称的拼音首字母、全拼或几个字，轻触结果即可看到去哪个窗口</source>
        <translation>Type pinyin initials, full pinyin or a few characters of the name, then tap a result to see where to go.</translation>
    </message>
    <message>
        <source>按类别选择</source>
        <translation>Choose by topic</translation>
    </message>
    <message>
        <source>清空重新输入</source>
        <translation>Clear and type again</translation>
    </message>
    <message>
        <source>以上都不是？输入几个字母查找</source>
        <translation>None of these? Type a few letters</translation>
    </message>
    <message>
        <source>重新选择</source>
        <translation>Choose again</translation>
    </message>
    <message>
        <source>值班人员</source>
        <translation>Staff on duty</translation>
    </message>
    <message>
        <source>查看办事指南</source>
        <translation>View service guide</translation>
    </message>
    <message>
        <source>该事项已更新或下线，请返回重新选择</source>
        <translation>This service has been updated or withdrawn. Please go back and choose again.</translation>
    </message>
    <message numerus="yes">
        <source>%n 个事项</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>都不是？请到服务台咨询，或拨打咨询电话 %1</source>
        <translation>None of these? Ask at the service desk or call %1.</translation>
    </message>
    <message>
        <source>都不是？请到服务台咨询，工作人员会告诉您去哪里办。</source>
        <translation>None of these? Ask at the service desk and staff will tell you where to go.</translation>
    </message>
    <message>
        <source>%1：请选择具体事项</source>
        <translation>%1: choose a service</translation>
    </message>
    <message>
        <source>这一类暂时没有事项，请输入几个字母查找，或到服务台咨询。</source>
        <translation>There are no services in this topic yet. Type a few letters or ask at the service desk.</translation>
    </message>
    <message>
        <source>共 %1 个事项，这里列出前 %2 个；输入几个字母可更快找到。</source>
        <translation>%1 services; the first %2 are listed. Type a few letters to find one faster.</translation>
    </message>
    <message>
        <source>请到 %1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <source>本事项由 %1 办理</source>
        <translation>This service is handled by %1</translation>
    </message>
    <message>
        <source>请到服务台咨询，工作人员会为您指引</source>
        <translation>Please ask at the service desk; staff will show you the way.</translation>
    </message>
    <message>
        <source>本事项通过网络平台办理：%1</source>
        <translation>This service is handled online: %1</translation>
    </message>
    <message>
        <source>便民服务厅未设本事项的窗口，请联系承办部门。</source>
        <translation>The hall has no window for this service. Please contact the department in charge.</translation>
    </message>
    <message>
        <source>办理地点：%1</source>
        <translation>Where: %1</translation>
    </message>
    <message>
        <source>请到便民服务厅服务台咨询</source>
        <translation>please ask at the hall&apos;s service desk</translation>
    </message>
    <message>
        <source>办理时间</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>咨询电话</source>
        <translation>Enquiry phone</translation>
    </message>
    <message>
        <source>网上办理</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>承诺时限</source>
        <translation>Promised time</translation>
    </message>
    <message>
        <source>到现场次数</source>
        <translation>Visits needed</translation>
    </message>
    <message>
        <source>0 次（可全程网上办理）</source>
        <translation>None (everything can be done online)</translation>
    </message>
    <message>
        <source>最多跑 %1 次</source>
        <translation>At most %1</translation>
    </message>
</context>
<context>
    <name>FlowChart</name>
    <message>
        <source>岗位：</source>
        <extracomment>space around the chart and between boxes (the gaps hold the arrows)</extracomment>
        <translation>Post: </translation>
    </message>
    <message>
        <source>时限：</source>
        <translation>Time limit: </translation>
    </message>
</context>
<context>
    <name>FlowScreen</name>
    <message>
        <source>办理流程图</source>
        <translation>Flow chart</translation>
    </message>
    <message>
        <source>返回办事指南</source>
        <translation>Back to the guide</translation>
    </message>
    <message>
        <source>每一步做什么</source>
        <translation>What happens at each step</translation>
    </message>
    <message>
        <source>%1（%2号窗口）</source>
        <translation>%1 (window %2)</translation>
    </message>
    <message>
        <source>该事项已更新或下线，请返回重新选择</source>
        <translation>This service has been updated or withdrawn. Please go back and choose again.</translation>
    </message>
    <message>
        <source>该事项暂未公布办理流程图。</source>
        <translation>The flow chart of this service is not published yet.</translation>
    </message>
    <message>
        <source>请到%1咨询</source>
        <translation>Please ask at %1.</translation>
    </message>
    <message>
        <source>咨询电话：%1</source>
        <translation>Enquiry phone: %1</translation>
    </message>
    <message>
        <source>承诺%1办结</source>
        <translation>Done within %1</translation>
    </message>
    <message>
        <source>当场办结</source>
        <translation>Done on the spot</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 个步骤，从第 1 步开始，沿箭头办理。</source>
        <translation>
            <numerusform>%n step.</numerusform>
            <numerusform>%n steps. Start at step 1 and follow the arrows.</numerusform>
        </translation>
    </message>
    <message>
        <source>岗位：</source>
        <translation>Post: </translation>
    </message>
    <message>
        <source>时限：</source>
        <translation>Time limit: </translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>⌂ 首页</source>
        <translation>⌂ Home</translation>
    </message>
    <message>
        <source>如需帮助，请到服务台咨询</source>
        <translation>Need help? Please ask at the service desk.</translation>
    </message>
</context>
<context>
    <name>FormsScreen</name>
    <message>
        <source>表格下载与打印</source>
        <translation>Forms to print or take away</translation>
    </message>
    <message>
        <source>查看全部表格</source>
        <translation>All forms</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>扫码带走</source>
        <translation>Scan to take away</translation>
    </message>
    <message>
        <source>%1：表格和示范文本</source>
        <translation>%1: forms and samples</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 份。点一份查看，可以打印，也可以用手机扫码带走。</source>
        <translation>
            <numerusform>%n document. Tap it to view, then print it or scan it to take it on your phone.</numerusform>
            <numerusform>%n documents. Tap one to view, then print it or scan it to take it on your phone.</numerusform>
        </translation>
    </message>
    <message>
        <source>该事项没有需要下载的表格，请直接按办事指南准备材料</source>
        <translation>This service has no forms. Please prepare the documents listed in its guide.</translation>
    </message>
    <message>
        <source>暂无可下载的表格</source>
        <translation>No forms yet</translation>
    </message>
    <message>
        <source>材料：%1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <source>事项表格</source>
        <translation>For the whole service</translation>
    </message>
    <message>
        <source>&#x3000;·&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <source>扫码打开本事项在政务服务网的页面，下载这份表格</source>
        <translation>Scan to open this service on the government portal and download the form</translation>
    </message>
    <message>
        <source>扫码进入网上办理，在线填写和提交</source>
        <translation>Scan to apply online: fill in and submit the form there</translation>
    </message>
    <message>
        <source>这份表格暂时无法预览</source>
        <translation>This form cannot be shown right now</translation>
    </message>
    <message>
        <source>第 %1 页 / 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>用手机扫描二维码，在手机上查看、下载这份表格。</source>
        <translation>Scan the QR code to view and download this form on your phone.</translation>
    </message>
</context>
<context>
    <name>HallStrip</name>
    <message>
        <source>本窗口</source>
        <translation>This window</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>演示内容</source>
        <translation>Demo content</translation>
    </message>
    <message>
        <source>M月d日 HH:mm</source>
        <translation>d MMM HH:mm</translation>
    </message>
    <message>
        <source>yyyy年M月d日 dddd HH:mm</source>
        <translation>ddd d MMM yyyy  HH:mm</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>搜索办事事项：输入名称、拼音首字母或事项编码</source>
        <extracomment>长辈模式: bigger everything, fewer per row (and the page scrolls)</extracomment>
        <translation>Search: type a name, pinyin initials or a code</translation>
    </message>
    <message>
        <source>按主题办事</source>
        <translation>Services by topic</translation>
    </message>
    <message>
        <source>找窗口 · 找部门</source>
        <translation>Find a window · a department</translation>
    </message>
    <message>
        <source>我该去哪办？</source>
        <translation>Where do I go?</translation>
    </message>
    <message>
        <source>首问负责：选一件事，告诉您去几号窗口</source>
        <translation>Choose a service; we tell you which window</translation>
    </message>
    <message>
        <source>按部门查找</source>
        <translation>Find by department</translation>
    </message>
    <message>
        <source>各服务部门及其办理事项</source>
        <translation>Departments and the services they handle</translation>
    </message>
    <message>
        <source>窗口岗位</source>
        <translation>Service windows</translation>
    </message>
    <message>
        <source>窗口位置、工作事项、值班人员和电话</source>
        <translation>Where they are, what they do, who is on duty</translation>
    </message>
    <message>
        <source>服务承诺与制度</source>
        <translation>Service pledges and rules</translation>
    </message>
    <message>
        <source>“四零”承诺、六个规范、监督投诉</source>
        <translation>“Four zeros” pledge, service standards, complaints</translation>
    </message>
    <message>
        <source>☺ 评价服务</source>
        <translation>☺ Rate our service</translation>
    </message>
    <message>
        <source>意见箱 · 投诉建议</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>查询办理回复</source>
        <translation>Check a reply</translation>
    </message>
    <message>
        <source>评价结果公开</source>
        <translation>Ratings</translation>
    </message>
    <message numerus="yes">
        <source>%n 个事项</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message>
        <source>搜索办事事项</source>
        <translation>Search services</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>您还在使用吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>倒计时结束后将清除您输入的内容并返回首页</source>
        <translation>When the countdown ends, what you entered is cleared and the kiosk returns to the home page.</translation>
    </message>
    <message>
        <source>结束使用</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>继续使用 · 延长时间</source>
        <translation>Continue · more time</translation>
    </message>
    <message numerus="yes">
        <source>%n 秒</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemDetailScreen</name>
    <message>
        <source>跳到</source>
        <extracomment>sections in the order of the printed guide (2016 standardisation guide, 23 sections, merged) how many times the text was laid out (a measure of the work an open costs)</extracomment>
        <translation>Go to</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>流程</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>表格下载/打印</source>
        <extracomment>the actions row; later issues add print and rate buttons here</extracomment>
        <translation>Forms</translation>
    </message>
    <message>
        <source>打印办事指南</source>
        <translation>Print the guide</translation>
    </message>
    <message>
        <source>扫码带走指南</source>
        <translation>Scan to take the guide</translation>
    </message>
    <message>
        <source>办理流程图</source>
        <translation>Flow chart</translation>
    </message>
    <message>
        <source>网上可办</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>到哪里办</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <source>多长时间办好</source>
        <translation>How long it takes</translation>
    </message>
    <message>
        <source>事项信息</source>
        <translation>About this service</translation>
    </message>
    <message>
        <source>设定依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>受理条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>申请材料</source>
        <translation>Documents to bring</translation>
    </message>
    <message>
        <source>办理流程</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation>Time limits</translation>
    </message>
    <message>
        <source>收费标准及依据</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>审批结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>办理方式</source>
        <translation>How to apply</translation>
    </message>
    <message>
        <source>申请人权利和义务</source>
        <translation>Your rights and duties</translation>
    </message>
    <message>
        <source>咨询与投诉</source>
        <translation>Enquiries and complaints</translation>
    </message>
    <message>
        <source>常见问题</source>
        <translation>Questions and answers</translation>
    </message>
    <message>
        <source>查看办理流程图</source>
        <translation>View the flow chart</translation>
    </message>
    <message>
        <source>办完了？评价一下</source>
        <translation>Done? Rate our service</translation>
    </message>
    <message>
        <source>选窗口、点表情，三步完成；工作人员看不到是谁评的。</source>
        <translation>Choose the window, tap a face: three steps. Staff cannot see who rated.</translation>
    </message>
    <message>
        <source>评价本事项的服务</source>
        <translation>Rate this service</translation>
    </message>
    <message>
        <source>意见建议 · 投诉</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>该事项已更新或下线，请返回重新选择</source>
        <translation>This service has been updated or withdrawn. Please go back and choose again.</translation>
    </message>
    <message>
        <source>结果名称</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>结果样本</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>结果送达</source>
        <translation>How you receive it</translation>
    </message>
    <message>
        <source>扫码在手机上查看本事项的办事指南</source>
        <translation>Scan to read this guide on your phone</translation>
    </message>
    <message>
        <source>扫码进入网上办理</source>
        <translation>Scan to apply online</translation>
    </message>
    <message numerus="yes">
        <source>查看和打印本事项的表格、示范文本（%n 份）</source>
        <translation>
            <numerusform>Form or sample of this service (%n)</numerusform>
            <numerusform>Forms and samples of this service (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>当场办结</source>
        <translation>Done on the spot</translation>
    </message>
    <message numerus="yes">
        <source>个工作日</source>
        <translation>
            <numerusform>working day</numerusform>
            <numerusform>working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>个自然日</source>
        <translation>
            <numerusform>calendar day</numerusform>
            <numerusform>calendar days</numerusform>
        </translation>
    </message>
    <message>
        <source>跑0次</source>
        <translation>No visit needed</translation>
    </message>
    <message>
        <source>最多跑一次</source>
        <translation>One visit at most</translation>
    </message>
    <message>
        <source>需到现场2次</source>
        <translation>2 visits needed</translation>
    </message>
    <message>
        <source>需多次到现场</source>
        <translation>Several visits needed</translation>
    </message>
    <message>
        <source>收费</source>
        <comment>badge: the item charges a fee</comment>
        <translation>Fee charged</translation>
    </message>
    <message>
        <source>不收费</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>%1号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <source>网上办理</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>咨询电话</source>
        <translation>Enquiry phone</translation>
    </message>
    <message>
        <source>请到服务台咨询办理地点</source>
        <translation>Please ask at the service desk where to apply.</translation>
    </message>
    <message>
        <source>承诺</source>
        <translation>Within</translation>
    </message>
    <message>
        <source>法定时限</source>
        <translation>Legal limit</translation>
    </message>
    <message>
        <source>办件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>技术评估、听证等特别程序时间不计入时限，详见“办结时限”</source>
        <translation>Time for special procedures such as technical reviews or hearings is not counted; see “Time limits”.</translation>
    </message>
    <message>
        <source>事项名称</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>基本编码</source>
        <translation>Service code</translation>
    </message>
    <message>
        <source>实施编码</source>
        <translation>Implementation code</translation>
    </message>
    <message>
        <source>事项类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>实施主体</source>
        <translation>Provided by</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>实施主体性质</source>
        <translation>Nature of provider</translation>
    </message>
    <message>
        <source>承办机构</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>共同实施部门</source>
        <translation>Joint departments</translation>
    </message>
    <message>
        <source>行使层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>服务对象</source>
        <translation>For</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>服务主题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>数量限制</source>
        <translation>Quantity limit</translation>
    </message>
    <message>
        <source>中介服务</source>
        <translation>Intermediary services</translation>
    </message>
    <message>
        <source>无需提交材料</source>
        <translation>No documents needed</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 项材料</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，其中 %n 项在满足条件时提交或可选</source>
        <translation>
            <numerusform>, %n of them only in some cases or optional</numerusform>
            <numerusform>, %n of them only in some cases or optional</numerusform>
        </translation>
    </message>
    <message>
        <source>。窗口一次性告知全部补正内容。</source>
        <translation>. If anything is missing, the window tells you everything at once.</translation>
    </message>
    <message>
        <source>来源：</source>
        <translation>Issued by: </translation>
    </message>
    <message>
        <source>须知：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>可选材料，可以不提交</source>
        <translation>Optional: you may leave it out</translation>
    </message>
    <message>
        <source>可在窗口领取</source>
        <translation>Available at the window</translation>
    </message>
    <message>
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>满足条件时提交</source>
        <translation>In some cases</translation>
    </message>
    <message>
        <source>非必需</source>
        <translation>Optional</translation>
    </message>
    <message numerus="yes">
        <source>原件 %n 份</source>
        <translation>
            <numerusform>%n original</numerusform>
            <numerusform>%n originals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>复印件 %n 份</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>满足条件时提交：</source>
        <translation>Needed when: </translation>
    </message>
    <message>
        <source>空白表格</source>
        <translation>Blank form</translation>
    </message>
    <message>
        <source>示范文本</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>该事项暂未公布办理流程，请到窗口或拨打咨询电话了解。</source>
        <translation>The steps are not published yet. Please ask at the window or call the enquiry phone.</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 个步骤：</source>
        <translation>
            <numerusform>%n step: </numerusform>
            <numerusform>%n steps: </numerusform>
        </translation>
    </message>
    <message>
        <source>每一步的负责岗位和时间见办理流程图。</source>
        <translation>The flow chart shows who handles each step and how long it takes.</translation>
    </message>
    <message>
        <source>法定办结时限</source>
        <translation>Legal time limit</translation>
    </message>
    <message>
        <source>法定时限说明</source>
        <translation>About the legal limit</translation>
    </message>
    <message>
        <source>承诺办结时限</source>
        <translation>Promised time limit</translation>
    </message>
    <message>
        <source>承诺时限说明</source>
        <translation>About the promised limit</translation>
    </message>
    <message>
        <source>特别程序</source>
        <translation>Special procedures</translation>
    </message>
    <message>
        <source>不计入办结时限：</source>
        <translation>Not counted in the time limit: </translation>
    </message>
    <message>
        <source>收费标准</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>收费依据</source>
        <translation>Basis for the fee</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>支持</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>不支持</source>
        <translation>No</translation>
    </message>
    <message>
        <source>办理形式</source>
        <translation>Ways to apply</translation>
    </message>
    <message>
        <source>可以网上办理</source>
        <translation>You can apply online</translation>
    </message>
    <message>
        <source>暂不支持网上办理</source>
        <translation>Not available online yet</translation>
    </message>
    <message>
        <source>网上办理地址</source>
        <translation>Online address</translation>
    </message>
    <message>
        <source>预约办理</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>网上支付</source>
        <translation>Online payment</translation>
    </message>
    <message>
        <source>物流快递</source>
        <translation>Delivery by post</translation>
    </message>
    <message>
        <source>到现场次数</source>
        <translation>Visits needed</translation>
    </message>
    <message numerus="yes">
        <source>%n 次</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message>
        <source>监督投诉电话</source>
        <translation>Complaints phone</translation>
    </message>
    <message>
        <source>问：</source>
        <translation>Q: </translation>
    </message>
    <message>
        <source>答：</source>
        <translation>A: </translation>
    </message>
</context>
<context>
    <name>ItemListScreen</name>
    <message>
        <source>本部门窗口岗位 ›</source>
        <translation>This department&apos;s windows ›</translation>
    </message>
    <message>
        <source>我该去哪办？</source>
        <translation>Where do I go?</translation>
    </message>
    <message>
        <source>按部门查找</source>
        <translation>Find by department</translation>
    </message>
    <message>
        <source>这个主题下暂时没有可以办理的事项。不知道该去哪办时，可以用“我该去哪办？”查找，或到服务台咨询。</source>
        <translation>There are no services under this topic yet. If you are not sure where to go, use “Where do I go?” or ask at the service desk.</translation>
    </message>
    <message>
        <source>这个部门暂时没有在便民服务厅公布的办理事项。请查看其他部门，或到服务台咨询。</source>
        <translation>This department has no services listed in the hall yet. Please look at other departments or ask at the service desk.</translation>
    </message>
    <message>
        <source>按主题办事</source>
        <translation>Services by topic</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 个事项，点按事项查看办事指南</source>
        <translation>
            <numerusform>%n service. Tap it to see its guide.</numerusform>
            <numerusform>%n services. Tap one to see its guide.</numerusform>
        </translation>
    </message>
    <message>
        <source>办公地点：</source>
        <translation>Office: </translation>
    </message>
    <message>
        <source>咨询电话：</source>
        <translation>Enquiry phone: </translation>
    </message>
    <message>
        <source>内容已更新</source>
        <translation>Content updated</translation>
    </message>
    <message>
        <source>该主题或部门已更新或下线，请返回重新选择。</source>
        <translation>This topic or department has been updated or withdrawn. Please go back and choose again.</translation>
    </message>
</context>
<context>
    <name>ItemRows</name>
    <message>
        <source>网上可办</source>
        <extracomment>rows built at once; the rest follow page by page (a page more than fills a portrait screen)</extracomment>
        <translation>Online</translation>
    </message>
    <message numerus="yes">
        <source>显示更多事项（还有 %n 个）</source>
        <translation>
            <numerusform>Show more (%n more)</numerusform>
            <numerusform>Show more (%n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>承诺%1办结</source>
        <translation>Done within %1</translation>
    </message>
    <message>
        <source>跑0次</source>
        <translation>No visit needed</translation>
    </message>
    <message>
        <source>最多跑一次</source>
        <translation>One visit at most</translation>
    </message>
    <message>
        <source>跑2次</source>
        <translation>2 visits</translation>
    </message>
    <message>
        <source>需多次到现场</source>
        <translation>Several visits needed</translation>
    </message>
</context>
<context>
    <name>LevelColumns</name>
    <message numerus="yes">
        <source>%n 次</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>便民服务厅</source>
        <translation>Public Service Hall</translation>
    </message>
</context>
<context>
    <name>MaintenanceScreen</name>
    <message>
        <source>暂停服务，请到窗口咨询</source>
        <translation>Out of service. Please ask at a window.</translation>
    </message>
    <message>
        <source>自助终端正在维护，给您带来不便，敬请谅解。</source>
        <translation>This kiosk is under maintenance. We apologise for the inconvenience.</translation>
    </message>
</context>
<context>
    <name>ModeButtons</name>
    <message>
        <source>✓ 长辈模式</source>
        <extracomment>the language switch&apos;s face: the language it switches to, in that language the visitor has just switched something</extracomment>
        <translation>✓ Large text</translation>
    </message>
    <message>
        <source>长辈模式 / 大字</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>✓ 高对比</source>
        <translation>✓ High contrast</translation>
    </message>
    <message>
        <source>高对比</source>
        <translation>High contrast</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>OverallCard</name>
    <message>
        <source>总体满意率</source>
        <translation>Overall satisfaction</translation>
    </message>
    <message>
        <source>共 %1 次评价</source>
        <translation>Ratings: %1</translation>
    </message>
</context>
<context>
    <name>PinyinKeyboard</name>
    <message>
        <source>键盘准备中…</source>
        <extracomment>what the process needs before the QApplication exists the Quick part is built and ready to type</extracomment>
        <translation>Getting the keyboard ready…</translation>
    </message>
    <message>
        <source>屏幕键盘暂不可用，请联系工作人员</source>
        <translation>The on-screen keyboard is not available. Please ask a member of staff.</translation>
    </message>
</context>
<context>
    <name>PostCard</name>
    <message>
        <source>序号 %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>网址：</source>
        <translation>Website: </translation>
    </message>
    <message>
        <source>地址：</source>
        <translation>Address: </translation>
    </message>
    <message>
        <source>联系人及电话：</source>
        <translation>Contact: </translation>
    </message>
    <message>
        <source>工作事项：</source>
        <translation>Handles: </translation>
    </message>
</context>
<context>
    <name>PostDetailScreen</name>
    <message>
        <source>岗位信息</source>
        <translation>About this window</translation>
    </message>
    <message>
        <source>用手机扫一扫，打开这个网址</source>
        <translation>Scan with your phone to open this address</translation>
    </message>
    <message>
        <source>值班人员</source>
        <translation>Staff on duty</translation>
    </message>
    <message>
        <source>这个岗位没有公布值班人员，请联系上面的窗口联系人。</source>
        <translation>No staff are listed for this window. Please ask the contact above.</translation>
    </message>
    <message>
        <source>在这里办理的事项</source>
        <translation>Services handled here</translation>
    </message>
    <message>
        <source>内容已更新</source>
        <translation>Content updated</translation>
    </message>
    <message>
        <source>该窗口岗位已更新或撤销，请返回重新选择。</source>
        <translation>This window has been updated or closed. Please go back and choose again.</translation>
    </message>
    <message>
        <source>查看全部窗口岗位</source>
        <translation>All windows</translation>
    </message>
    <message>
        <source>这个窗口暂时没有公布办理事项，请咨询窗口工作人员。</source>
        <translation>No services are listed for this window yet. Please ask the staff there.</translation>
    </message>
    <message>
        <source>序号 %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>网址</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>办公时间</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>窗口联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>工作事项</source>
        <translation>Handles</translation>
    </message>
    <message>
        <source>位置示意：</source>
        <translation>Location: </translation>
    </message>
    <message>
        <source>便民服务厅</source>
        <translation>Public Service Hall</translation>
    </message>
    <message>
        <source>，%1号窗口</source>
        <translation>, window %1</translation>
    </message>
</context>
<context>
    <name>PostsScreen</name>
    <message>
        <source>窗口岗位</source>
        <translation>Service windows</translation>
    </message>
    <message>
        <source>各部门公布的服务大厅、网络平台和窗口岗位。点按一个岗位，查看位置、值班人员和在那里办理的事项。</source>
        <translation>The halls, online platforms and windows of each department. Tap one to see where it is, who is on duty and what it handles.</translation>
    </message>
    <message>
        <source>暂时没有公布的窗口岗位，请到服务台咨询。</source>
        <translation>No windows are listed yet. Please ask at the service desk.</translation>
    </message>
</context>
<context>
    <name>PrintButton</name>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>扫码带走</source>
        <extracomment>the label when there is no printer (the tap shows the QR code)</extracomment>
        <translation>Scan to take away</translation>
    </message>
    <message>
        <source>本次打印份数已满</source>
        <translation>Print limit reached</translation>
    </message>
    <message>
        <source>本机暂不提供打印。请用手机扫描二维码，在手机上查看和保存。</source>
        <translation>This kiosk cannot print. Scan the QR code to view and keep it on your phone.</translation>
    </message>
    <message>
        <source>本机暂不提供打印，请到服务台领取纸质材料。</source>
        <translation>This kiosk cannot print. Please get a paper copy at the service desk.</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>未能打印 · 扫码</source>
        <translation>Not printed · scan</translation>
    </message>
    <message>
        <source>扫码查询办理进度</source>
        <translation>Scan to check progress</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <source>好的</source>
        <extracomment>seconds the &quot;已打印&quot; panel stays before it closes by itself what the panel shows: printing, done, failed, limit, qr</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>请在出纸口取走您的材料。</source>
        <translation>Please take your pages from the printer.</translation>
    </message>
    <message>
        <source>%1。%2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>没能打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>请稍候，打印好后在出纸口取走。您可以继续浏览。</source>
        <translation>Please wait and take your pages from the printer. You can keep browsing.</translation>
    </message>
    <message>
        <source>请用手机扫描下面的二维码带走，或到服务台领取纸质材料。</source>
        <translation>Scan the QR code below to take it on your phone, or get a paper copy at the service desk.</translation>
    </message>
    <message>
        <source>请记下下面的内容，或到服务台领取纸质材料。</source>
        <translation>Please note down the details below, or get a paper copy at the service desk.</translation>
    </message>
    <message>
        <source>请到服务台领取纸质材料。</source>
        <translation>Please get a paper copy at the service desk.</translation>
    </message>
    <message>
        <source>继续浏览</source>
        <translation>Keep browsing</translation>
    </message>
</context>
<context>
    <name>PrintService</name>
    <message>
        <source>本机没有连接打印机</source>
        <extracomment>seconds a job may take from submission until CUPS reports it done seconds between two looks at a job in the queue seconds a job may wait in an idle queue (CUPS gave up on it) before it counts as failed milliseconds between two background checks of the printer (for the operator and the heartbeat) messages for visitors (kept in Chinese; shown with :func:`printer_message`)</extracomment>
        <translation>This kiosk has no printer</translation>
    </message>
    <message>
        <source>打印机暂停服务</source>
        <translation>The printer is out of service</translation>
    </message>
    <message>
        <source>打印机暂时无法使用</source>
        <translation>The printer cannot be used right now</translation>
    </message>
    <message>
        <source>打印机出了故障，没有打印出来</source>
        <translation>The printer failed; nothing was printed</translation>
    </message>
    <message>
        <source>已打印，请在出纸口取走</source>
        <translation>Printed. Please take your pages.</translation>
    </message>
    <message>
        <source>这份材料暂时无法打印</source>
        <translation>This document cannot be printed right now</translation>
    </message>
    <message>
        <source>打印超时，没有完成</source>
        <translation>Printing took too long and did not finish</translation>
    </message>
    <message>
        <source>打印机缺纸</source>
        <extracomment>for visitors, in Chinese (&quot;&quot; when ready; show it with :func:`printer_message`) for the operator (the queue, what CUPS said) printer-state-reasons (without -error/-warning/-report) → (state keyword, message for visitors)</extracomment>
        <translation>The printer is out of paper</translation>
    </message>
    <message>
        <source>打印机纸盒未放好</source>
        <translation>The printer&apos;s paper tray is not in place</translation>
    </message>
    <message>
        <source>打印机卡纸</source>
        <translation>The printer has a paper jam</translation>
    </message>
    <message>
        <source>打印机没有联机</source>
        <translation>The printer is offline</translation>
    </message>
    <message>
        <source>打印机已关机</source>
        <translation>The printer is switched off</translation>
    </message>
    <message>
        <source>打印机没有响应</source>
        <translation>The printer does not respond</translation>
    </message>
    <message>
        <source>打印机盖板没有合上</source>
        <translation>The printer&apos;s cover is open</translation>
    </message>
    <message>
        <source>打印机墨粉用完了</source>
        <translation>The printer is out of toner</translation>
    </message>
    <message>
        <source>打印机出纸口已满</source>
        <translation>The printer&apos;s output tray is full</translation>
    </message>
    <message numerus="yes">
        <source>这份材料本次已打印 %n 份。为节约用纸，请扫码带走电子版，需要更多请到服务台。</source>
        <extracomment>the per-visit limit counts copies by this key, e.g. &quot;guide:000117001000&quot; the job&apos;s title in CUPS the PDF: bytes, a file, or a function that builds it (called in a worker thread) what the QR code offered instead encodes (&quot;&quot; = no QR code) the line under the QR code shown large when printing is not possible, e.g. a tracking code (may go with the QR code) the printer&apos;s state changed (a :class:`PrinterStatus`), on the UI thread</extracomment>
        <translation>
            <numerusform>This document has been printed %n time this visit. To save paper, please scan to take the electronic copy; ask at the service desk for more.</numerusform>
            <numerusform>This document has been printed %n times this visit. To save paper, please scan to take the electronic copy; ask at the service desk for more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuietScreen</name>
    <message>
        <source>轻触屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>RateDetailsScreen</name>
    <message>
        <source>您的评价已记录。愿意的话，请告诉我们哪里做得不好——以下都可以不填，也可以直接点“跳过”。</source>
        <extracomment>longest phone number the field takes (a landline with area code and extension)</extracomment>
        <translation>Your rating is saved. If you like, tell us what went wrong. Everything below is optional; you can also tap “Skip”.</translation>
    </message>
    <message>
        <source>不满意的原因（可多选）</source>
        <translation>What went wrong (choose any)</translation>
    </message>
    <message>
        <source>回访电话（可不填）</source>
        <translation>Call-back phone (optional)</translation>
    </message>
    <message>
        <source>仅用于工作人员回访，不会公开</source>
        <translation>Only for staff to call you back; never made public</translation>
    </message>
    <message>
        <source>手机号或带区号的固定电话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>补充说明（可不填）</source>
        <translation>More details (optional)</translation>
    </message>
    <message>
        <source>点这里输入，可用拼音</source>
        <translation>Tap here to type (pinyin works)</translation>
    </message>
    <message>
        <source>收起键盘</source>
        <translation>Hide keyboard</translation>
    </message>
    <message>
        <source>您选择了：%1</source>
        <translation>You chose: %1</translation>
    </message>
</context>
<context>
    <name>RateLevelScreen</name>
    <message>
        <source>您对这次服务满意吗？</source>
        <translation>How satisfied are you with our service?</translation>
    </message>
    <message>
        <source>点按一个表情即完成评价。评价不记名，工作人员看不到您的选择。</source>
        <translation>Tap a face and you are done. Ratings are anonymous: staff cannot see your choice.</translation>
    </message>
    <message>
        <source>办件编号 %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>您正在评价：本大厅的服务</source>
        <translation>You are rating: this hall&apos;s service</translation>
    </message>
    <message>
        <source>您正在评价：</source>
        <translation>You are rating: </translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <source>暂时无法评价，请稍后再试</source>
        <translation>Rating is not possible right now. Please try again later.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>RatePostScreen</name>
    <message>
        <source>评价窗口服务</source>
        <extracomment>the staff photo on a post button (3:4 like a badge) longest case number the field takes (visitor_rules allows 40)</extracomment>
        <translation>Rate a window</translation>
    </message>
    <message>
        <source>请点按为您办理业务的窗口，然后选择满意程度。评价不记名，窗口工作人员看不到您的选择。</source>
        <translation>Tap the window that served you, then choose how satisfied you are. Ratings are anonymous: staff cannot see your choice.</translation>
    </message>
    <message>
        <source>输入办件编号</source>
        <translation>By case number</translation>
    </message>
    <message>
        <source>暂时没有公布的窗口岗位。您可以输入回执上的办件编号进行评价。</source>
        <translation>No windows are listed yet. You can rate by the case number on your receipt.</translation>
    </message>
    <message>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>办件编号印在受理回执或办结通知上。每个办件只能评价一次。</source>
        <translation>The case number is printed on your receipt or notice of completion. Each case can be rated once.</translation>
    </message>
    <message>
        <source>请用右侧键盘输入</source>
        <translation>Use the keypad on the right</translation>
    </message>
    <message>
        <source>返回选择窗口</source>
        <translation>Back to windows</translation>
    </message>
    <message>
        <source>下一步：评价</source>
        <translation>Next: rate</translation>
    </message>
    <message>
        <source>您办理的事项：%1</source>
        <translation>Your service: %1</translation>
    </message>
    <message>
        <source>办理该事项的窗口</source>
        <translation>Window for this service</translation>
    </message>
    <message>
        <source>您选择的窗口</source>
        <translation>Your window</translation>
    </message>
    <message>
        <source>该办件已评价过，感谢您的参与</source>
        <translation>This case has already been rated. Thank you.</translation>
    </message>
</context>
<context>
    <name>RateThanksScreen</name>
    <message>
        <source>谢谢您的评价</source>
        <extracomment>the flow is over: no Back into it (a second tap on a face would be a second rating)</extracomment>
        <translation>Thank you for your rating</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <source>您的意见已转给相关部门，我们会认真核实、及时改进。</source>
        <translation>Your feedback has gone to the department concerned. We will look into it and improve.</translation>
    </message>
    <message>
        <source>您的评价帮助我们把服务做得更好。</source>
        <translation>Your rating helps us serve you better.</translation>
    </message>
    <message>
        <source>%1 秒后自动返回首页</source>
        <translation>Back to home in %1 s</translation>
    </message>
</context>
<context>
    <name>ReadAloudButton</name>
    <message>
        <source>停止</source>
        <extracomment>what the button shows: ready, preparing, speaking, unavailable</extracomment>
        <translation>Stop</translation>
    </message>
    <message>
        <source>正在准备
朗读…</source>
        <translation>Getting ready
to read…</translation>
    </message>
    <message>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
</context>
<context>
    <name>ResultsScreen</name>
    <message>
        <source>无差评</source>
        <translation>No poor ratings</translation>
    </message>
    <message>
        <source>差评 %1 次，已回复 %2 次（%3）</source>
        <translation>Poor ratings: %1, answered: %2 (%3)</translation>
    </message>
    <message>
        <source>另有重复点按 %1 次，未计入</source>
        <translation>Repeated taps not counted: %1</translation>
    </message>
    <message>
        <source>评价 %1 次</source>
        <translation>Ratings: %1</translation>
    </message>
    <message>
        <source>评价结果公示</source>
        <translation>Rating results</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>各部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>各窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>满意率 =（非常满意 + 满意 + 基本满意）÷ 评价次数。同一窗口在几秒内被连续评价等重复点按，单独列出，不计入评价次数和满意率。差评（不满意、非常不满意）由相关部门核实、整改并回复。</source>
        <translation>Satisfaction = (very satisfied + satisfied + fairly satisfied) ÷ ratings. Repeated taps, such as the same window rated again within seconds, are listed apart and not counted. Poor ratings (dissatisfied, very dissatisfied) are checked, acted on and answered by the department concerned.</translation>
    </message>
    <message>
        <source>&#x3000;·&#x3000;</source>
        <translation> · </translation>
    </message>
    <message>
        <source>数据更新于 %1</source>
        <translation>Figures updated %1</translation>
    </message>
    <message>
        <source>尚未收到办公室的汇总数据</source>
        <translation>No figures from the office yet</translation>
    </message>
    <message>
        <source>%1还没有评价。</source>
        <translation>No ratings for %1 yet.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>换个说法，或者少输几个字再试试。</source>
        <extracomment>rows shown for one query; more than this and the visitor is asked to keep typing keys never grow taller than this (portrait has room to spare) rows made right after the screen is built, so the first keystroke does not wait for them an item code the visitor tapped</extracomment>
        <translation>Try other words, or type fewer characters.</translation>
    </message>
    <message>
        <source>请用下方键盘输入</source>
        <translation>Use the keyboard below</translation>
    </message>
    <message>
        <source>正在准备搜索…</source>
        <extracomment>buttons the owner adds (&quot;我该去哪办？&quot;, &quot;清空重新输入&quot;)</extracomment>
        <translation>Getting the search ready…</translation>
    </message>
    <message>
        <source>输入后，结果会立即显示在这里</source>
        <translation>Results appear here as you type</translation>
    </message>
    <message>
        <source>没有找到与“%1”相关的事项</source>
        <translation>Nothing found for “%1”</translation>
    </message>
    <message numerus="yes">
        <source>结果较多，请继续输入（已列出前 %n 个）</source>
        <translation>
            <numerusform>Many results: keep typing (first %n shown)</numerusform>
            <numerusform>Many results: keep typing (first %n shown)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 个相关事项，轻触查看</source>
        <translation>
            <numerusform>%n service found. Tap it to view.</numerusform>
            <numerusform>%n services found. Tap one to view.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <source>可输入：事项名称（如 排污许可）、拼音首字母（如 pwxk）、全拼（如 huanping）或事项编码</source>
        <translation>Type a service name, pinyin initials (e.g. pwxk), full pinyin (e.g. huanping) or a service code</translation>
    </message>
    <message>
        <source>可以少输几个字、换个说法，或者让我们帮您找到办理窗口。</source>
        <translation>Type fewer characters, try other words, or let us help you find the right window.</translation>
    </message>
    <message>
        <source>我该去哪办？</source>
        <translation>Where do I go?</translation>
    </message>
    <message>
        <source>清空重新输入</source>
        <translation>Clear and type again</translation>
    </message>
</context>
<context>
    <name>Speaker</name>
    <message>
        <source>本机未安装
语音朗读</source>
        <extracomment>the Mandarin voice: the first voice whose name starts with this (espeak-ng&apos;s, listed under locale &quot;C&quot;) English voices in order of preference (names or name prefixes) seconds the engine may take to be made (speech-dispatcher is started by libspeechd if needed) seconds from sending a text until the engine says it speaks a speech may last this long plus SECONDS_PER_CHARACTER per character before it counts as stuck why the kiosk cannot read aloud, for visitors: two short lines for the button, kept in Chinese in :attr:`Speaker.reason` and translated where shown (:meth:`Speaker.reason_text`)</extracomment>
        <translation>Read-aloud is
not installed</translation>
    </message>
    <message>
        <source>本机未安装
普通话语音</source>
        <translation>No Mandarin voice
installed</translation>
    </message>
    <message>
        <source>语音朗读
暂时无法使用</source>
        <translation>Read-aloud is
not available now</translation>
    </message>
    <message>
        <source>本机声音输出
不可用</source>
        <translation>No sound output
on this kiosk</translation>
    </message>
</context>
<context>
    <name>SpokenSummary</name>
    <message>
        <source>办理部门：%1。</source>
        <translation>Department: %1.</translation>
    </message>
    <message>
        <source>%1，%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>办理窗口：%1。</source>
        <translation>Window: %1.</translation>
    </message>
    <message>
        <source>网上办理。</source>
        <translation>Apply online.</translation>
    </message>
    <message>
        <source>承诺办结时限：%1。</source>
        <translation>Done within %1.</translation>
    </message>
    <message>
        <source>当场办结。</source>
        <translation>Done on the spot.</translation>
    </message>
    <message>
        <source>收费：%1。</source>
        <translation>Fee: %1.</translation>
    </message>
    <message>
        <source>收费。</source>
        <translation>There is a fee.</translation>
    </message>
    <message>
        <source>不收费。</source>
        <translation>Free of charge.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message numerus="yes">
        <source>需要提交 %n 项材料：</source>
        <translation>
            <numerusform>%n document to bring: </numerusform>
            <numerusform>%n documents to bring: </numerusform>
        </translation>
    </message>
    <message>
        <source>无需提交材料。</source>
        <translation>No documents needed.</translation>
    </message>
    <message>
        <source>所属部门：%1。</source>
        <translation>Department: %1.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>值班人员：%1。</source>
        <translation>Staff on duty: %1.</translation>
    </message>
    <message>
        <source>工作事项：%1</source>
        <translation>Handles: %1</translation>
    </message>
    <message>
        <source>可以选择：%1</source>
        <translation>You can choose: %1</translation>
    </message>
    <message>
        <source>。</source>
        <translation>. </translation>
    </message>
</context>
<context>
    <name>StaffCard</name>
    <message>
        <source>工号 %1</source>
        <extracomment>items listed for one topic; a topic with more offers the letters search instead results under the finder&apos;s keyboard</extracomment>
        <translation>Staff no. %1</translation>
    </message>
    <message>
        <source>工号：</source>
        <translation>Staff no.: </translation>
    </message>
</context>
<context>
    <name>TouchTest</name>
    <message>
        <source>重新测试</source>
        <extracomment>a target&apos;s centre from the screen&apos;s edges, in millimetres a tap within this distance of a target&apos;s centre counts for it the drawn target: rings of this radius a target was hit (its index); for the tests and the admin screen&apos;s status line taps that hit no target, in widget pixels (the last few)</extracomment>
        <translation>Test again</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>触摸测试</source>
        <translation>Touch test</translation>
    </message>
    <message>
        <source>请用手指依次点击五个十字的中心。点中的目标变成绿色，并显示手指落点离中心的距离。偏差超过 5 毫米说明触摸屏需要校准。</source>
        <translation>Tap the centre of each of the five crosses with a finger. A target hit turns green and shows how far the touch landed from its centre. More than 5 mm means the touch screen needs calibrating.</translation>
    </message>
    <message>
        <source>五个目标全部点中</source>
        <translation>All five targets hit</translation>
    </message>
    <message>
        <source>已点中 %1 / 5</source>
        <translation>Hit: %1 of 5</translation>
    </message>
    <message>
        <source>偏差 %1 毫米</source>
        <translation>Offset %1 mm</translation>
    </message>
    <message>
        <source>点这里</source>
        <translation>Tap here</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <source>暂停服务，请到窗口咨询</source>
        <translation>Out of service. Please ask at a window.</translation>
    </message>
    <message>
        <source>……（完整信息见日志）</source>
        <translation>… (see the log for the full details)</translation>
    </message>
    <message>
        <source>运维信息：</source>
        <translation>For the operator:</translation>
    </message>
</context>
<context>
    <name>VisitorTexts</name>
    <message>
        <source>%1年%2月</source>
        <extracomment>the content language of the views: &quot;zh&quot;, or &quot;en&quot; (English where the content gives it)</extracomment>
        <translation>%2/%1</translation>
    </message>
    <message>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1号窗口 %2</source>
        <translation>Window %1 %2</translation>
    </message>
    <message>
        <source>未注明部门</source>
        <translation>Department not given</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>服务大厅</source>
        <extracomment>the fixed words of the format (GB/T 39046&apos;s vocabularies) are marked for translation: screens show them in the UI language with kiosk.i18n.visitor_text</extracomment>
        <translation>Service hall</translation>
    </message>
    <message>
        <source>网络平台</source>
        <translation>Online platform</translation>
    </message>
    <message>
        <source>窗口岗位</source>
        <translation>Service windows</translation>
    </message>
    <message>
        <source>行政许可</source>
        <translation>Administrative licence</translation>
    </message>
    <message>
        <source>行政处罚</source>
        <translation>Administrative penalty</translation>
    </message>
    <message>
        <source>行政强制</source>
        <translation>Administrative enforcement</translation>
    </message>
    <message>
        <source>行政征收</source>
        <translation>Administrative levy</translation>
    </message>
    <message>
        <source>行政给付</source>
        <translation>Administrative payment</translation>
    </message>
    <message>
        <source>行政检查</source>
        <translation>Administrative inspection</translation>
    </message>
    <message>
        <source>行政确认</source>
        <translation>Administrative confirmation</translation>
    </message>
    <message>
        <source>行政奖励</source>
        <translation>Administrative award</translation>
    </message>
    <message>
        <source>行政裁决</source>
        <translation>Administrative ruling</translation>
    </message>
    <message>
        <source>其他行政权力</source>
        <translation>Other administrative power</translation>
    </message>
    <message>
        <source>公共服务</source>
        <translation>Public service</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>自然日</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>纸质</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>电子</source>
        <translation>Electronic</translation>
    </message>
    <message>
        <source>纸质和电子</source>
        <translation>Paper and electronic</translation>
    </message>
    <message>
        <source>即办件</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <source>承诺件</source>
        <translation>Promised time</translation>
    </message>
    <message>
        <source>多次</source>
        <translation>Several</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>电脑端</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>移动端</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>表格</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>示范文本</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>该办件已评价过，感谢您的参与</source>
        <extracomment>a bad rating&apos;s details may follow its level; it is held back from sending at most this long</extracomment>
        <translation>This case has already been rated. Thank you.</translation>
    </message>
    <message>
        <source>电话号码格式不对：请输入11位手机号，或带区号的固定电话</source>
        <translation>This phone number is not valid: enter an 11-digit mobile number or a landline with area code.</translation>
    </message>
    <message>
        <source>请选择满意程度</source>
        <translation>Please choose how satisfied you are</translation>
    </message>
    <message>
        <source>未知的原因：%1</source>
        <translation>Unknown reason: %1</translation>
    </message>
    <message>
        <source>说明最多%1字，现在是%2字</source>
        <translation>Details may be up to %1 characters; now %2</translation>
    </message>
    <message>
        <source>请选择类别：意见建议、投诉、举报或表扬</source>
        <translation>Please choose a type: suggestion, complaint, report or praise</translation>
    </message>
    <message>
        <source>请重新选择反映的对象</source>
        <translation>Please choose again what it is about</translation>
    </message>
    <message>
        <source>请写下您的意见或情况</source>
        <translation>Please write your comment or what happened</translation>
    </message>
    <message>
        <source>内容最多%1字，现在是%2字，请精简</source>
        <translation>Your message may be up to %1 characters; it has %2. Please shorten it.</translation>
    </message>
    <message>
        <source>姓名最多%1字</source>
        <translation>The name may be up to %1 characters</translation>
    </message>
    <message>
        <source>已在本机提交，正在送达受理部门</source>
        <translation>Submitted at this kiosk; on its way to the department</translation>
    </message>
    <message>
        <source>没有找到这个编号。刚在其他终端提交的，请稍后再查；仍查不到请咨询服务台</source>
        <translation>This code was not found. If you just submitted it at another kiosk, check again later; if it is still not found, ask at the service desk.</translation>
    </message>
    <message>
        <source>请输入8位查询编号</source>
        <translation>Please enter the 8-character tracking code</translation>
    </message>
    <message>
        <source>查询编号是8位，您输入了%1位，请核对</source>
        <translation>The tracking code has 8 characters; you entered %1. Please check it.</translation>
    </message>
    <message>
        <source>查询编号中没有“%1”，请核对（编号不含 0、O、1、I）</source>
        <translation>Tracking codes have no “%1”. Please check (codes have no 0, O, 1 or I).</translation>
    </message>
    <message>
        <source>编号有误，请核对后重新输入</source>
        <translation>This code is not right. Please check it and enter it again.</translation>
    </message>
    <message>
        <source>%1号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>推诿扯皮</source>
        <translation>Passing the buck</translation>
    </message>
    <message>
        <source>态度不好</source>
        <translation>Rude or unhelpful</translation>
    </message>
    <message>
        <source>效率低</source>
        <translation>Too slow</translation>
    </message>
    <message>
        <source>一次性告知不到位</source>
        <translation>Not told everything at once</translation>
    </message>
    <message>
        <source>材料反复提交</source>
        <translation>Asked for documents again</translation>
    </message>
    <message>
        <source>收费问题</source>
        <translation>Fee problem</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>意见建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>举报</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>表扬</source>
        <translation>Praise</translation>
    </message>
    <message>
        <source>已受理</source>
        <extracomment>kinds for which the visitor may stay anonymous (name and phone are then not kept at all)</extracomment>
        <translation>Received</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>请输入回执上的办件编号</source>
        <translation>Please enter the case number from your receipt</translation>
    </message>
    <message>
        <source>办件编号太短，请核对回执</source>
        <translation>The case number is too short. Please check your receipt.</translation>
    </message>
    <message>
        <source>办件编号太长，请核对回执</source>
        <translation>The case number is too long. Please check your receipt.</translation>
    </message>
    <message>
        <source>办件编号只含数字、字母和短横线，请核对回执</source>
        <translation>Case numbers have only digits, letters and dashes. Please check your receipt.</translation>
    </message>
    <message>
        <source>%1个%2</source>
        <extracomment>the translation context of every text marked here</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>WindowBox</name>
    <message>
        <source>号窗口</source>
        <extracomment>the order of the types in the departments&apos; table work items longer than this are cut short on the card (the post&apos;s page has them in full)</extracomment>
        <translation>Window</translation>
    </message>
    <message>
        <source>网上</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>大厅</source>
        <translation>Hall</translation>
    </message>
</context>
<context>
    <name>_Chart</name>
    <message>
        <source>暂无评价</source>
        <extracomment>the level words in order (the screens pass visitor_rules.LEVELS; this is only the fallback) levels drawn hatched (差评)</extracomment>
        <translation>No ratings yet</translation>
    </message>
</context>
<context>
    <name>_Durations</name>
    <message numerus="yes">
        <source>%n个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n个自然日</source>
        <translation>
            <numerusform>%n calendar day</numerusform>
            <numerusform>%n calendar days</numerusform>
        </translation>
    </message>
</context>
</TS>
