import { compactSeeds, type UiWords } from './en.ts';

/** The interface words shared by every page, in Chinese (the same shape as en.ts). */
export const zh: UiWords = {
  siteTitle: 'Seedlab',
  tagline: '同样的网络、同样的数据，准确率却不同：用证据来衡量。',
  languageName: '中文',
  keptAsWritten: [
    'cpu',
    'wasm',
    'logits',
    'softmax',
    'dropout',
    'one-cycle',
    'digits',
    'bootstrap',
    'fastai',
    'lr_find',
    'scikit-learn',
    'numpy',
    'ddof',
    'pandas',
    'spec.json',
    'effectSize',
    'src',
  ],
  nav: { label: '网站', guide: '指南', glossary: '术语表', studies: '所有研究' },
  index: {
    studies: '研究',
    allKinds: '全部',
    kind: '类型',
    dataset: '数据集',
    noStudies: '还没有完成的研究。运行 npm start，或通过 API 提交。',
    noStudiesOfKind: '这个类型还没有完成的研究。',
    partial: '部分结果',
    failed: '失败',
    next: '更早的研究 →',
    first: '← 最新的研究',
    badCursor: '列表的这一页不存在（链接已过期或被改动）。',
  },
  notFound: { title: '页面不存在', text: '这个地址没有页面。' },
  glossary: {
    title: '术语表',
    intro: '报告中用到的统计术语，用平实的话解释。',
    terms: [
      {
        id: 'ci',
        term: '置信区间',
        uses: ['置信区间'],
        text: '根据已运行的种子算出的一个范围；按这种方法计算，重复多次时有 95% 的区间会包含真实值（这里指对所有可能种子取平均的结果）。区间窄说明种子之间一致；它不涉及研究设置之外的种子。',
      },
      {
        id: 'paired',
        term: '配对比较',
        uses: ['配对'],
        text: '两种配置用同样的种子训练，并逐个种子比较。每个种子上的差值抵消了种子对两者的共同影响，所以用更少的种子就能分出高下。',
      },
      {
        id: 'bootstrap',
        term: '自助法（bootstrap）',
        uses: ['自助法'],
        text: '对测得的运行结果有放回地重复抽样（使用固定种子），看重新计算的统计量的分布，由此得到区间。用在没有公式可用的地方。',
      },
      {
        id: 'iqr',
        term: '四分位距',
        uses: ['四分位距'],
        text: '中间一半数值的范围：从第 25 百分位到第 75 百分位。与全距不同，一个极端的种子不会改变它。',
      },
      {
        id: 'std',
        term: '标准差（n−1）',
        uses: ['标准差', 'n−1'],
        text: '各次运行通常偏离均值多远，采用样本修正（除以 n−1，与 numpy 的 ddof=1 和 pandas 相同），单位是准确率的百分点。',
      },
      {
        id: 'points',
        term: '百分点',
        uses: ['百分点'],
        text: '两个百分数之间的差：从 90% 到 92% 是 2 个百分点（而不是 2%）。',
      },
      {
        id: 'decades',
        term: '数量级（学习率）',
        uses: ['数量级'],
        text: '十倍的因子：学习率 0.001 与 0.1 相差两个数量级。',
      },
      {
        id: 'power',
        term: '检验功效',
        uses: ['功效'],
        text: '当某个大小的差异真实存在时，检验能发现它的概率。选择种子数时通常以 80% 功效为目标。',
      },
      {
        id: 'fingerprint',
        term: '指纹',
        uses: ['指纹'],
        text: '训练后网络权重（精确到每一位）的 SHA-256 哈希。指纹相同即权重完全相同；任何人都可以重新训练一个种子来核对。',
      },
    ],
  },
  badge: { failed: '失败', missing: '没有这项研究', unreadable: '无法读取' },
  status: {
    queued: '排队中',
    running: '运行中',
    progress: (done, total) => `已完成 ${done} / ${total} 次运行`,
    refreshing: '最后一次运行完成后，报告会出现在这里；本页每隔几秒自动刷新。',
    overdue: (minutes) =>
      `这项研究已经 ${minutes} 分钟没有完成，超过了任何研究允许的时长。修复程序每分钟重新发送停滞的任务；本页已停止自动刷新，请手动刷新查看。`,
    failedTitle: '这项研究失败了',
    failedText: '完成的运行太少，这类研究无法回答它的问题。失败的部分：',
    seeds: '种子',
    error: '错误',
    attempts: '尝试次数',
    retry: (id) => `POST /api/studies/${id}/retry（需要写入令牌）会重新训练失败的单元。`,
    unreadableTitle: '无法读取这项研究',
    unreadableText: (id, error) => `研究 ${id} 的存储数据无法读取：${error}。其他研究不受影响。`,
    statusJson: '状态 JSON',
  },
  report: {
    question: '问题',
    answer: '回答',
    keyChart: '测量结果',
    method: '测量方法',
    details: '详细数据',
    reproduce: '复现这项研究',
    share: '分享',
    jsonLink: '研究 JSON',
    partial: (seeds, errors) =>
      `这是部分结果：种子 ${seeds} 的运行失败了（${errors}）。下面的每个数字都来自已完成的运行；重试失败的单元即可补全。`,
    spec: '完整的研究规格',
    reproduceApi: '通过 API（需要写入令牌）：',
    reproduceCli: '在本机用命令行（把上面的规格保存为 spec.json）：',
    environment: '运行环境',
    tfjs: 'TensorFlow.js',
    backend: '后端',
    runtime: '运行时',
    engine: '引擎版本',
    id: '研究 ID',
    copyLink: '复制链接',
    copyEmbed: '复制嵌入代码',
    shareTop: '分享这份报告：',
    moreSharing: '嵌入代码和徽章',
    embedTheme: '默认为浅色。深色页面，或要跟随读者的系统设置时，在 src 后加上：',
    copyBadge: '复制徽章 Markdown',
    copied: '已复制',
    openReport: '打开完整报告',
    note: '备注',
  },
  verify: {
    heading: '自己验证',
    intro: (backend) =>
      `在你的浏览器里重新训练这项研究的一个种子：同样的引擎、同样的后端（${backend}），再把权重的 SHA-256 指纹与这里保存的比较。引擎只在你点击后才从本站加载；你训练的任何内容都不会发送到别处。`,
    seed: '种子',
    arm: '配置',
    seedsRun: (seeds) => `这项研究运行了种子 ${seeds}。其他种子都是新的：页面会显示它落在这些种子中的哪个位置。`,
    newSeed: '选一个研究没有运行过的种子',
    button: '在浏览器中重新训练种子 {seed}',
    loading: '正在加载引擎（{backend}）…',
    running: '正在训练种子 {seed}：第 {epoch} 轮，共 {epochs} 轮…',
    match: '一致：种子 {seed} 在你的浏览器中得到同样的权重（指纹 {fingerprint}），用时 {seconds} 秒，后端 {backend}。',
    mismatch: '不一致：种子 {seed} 在你的浏览器中得到指纹 {fingerprint}（用时 {seconds} 秒，后端 {backend}）；研究保存的是 {stored}。',
    landed:
      '种子 {seed} 不在研究之中：测试准确率 {accuracy}，高于研究的 {count} 个种子中的 {below} 个（已在图上标出）。指纹 {fingerprint}，用时 {seconds} 秒，后端 {backend}。',
    diverged: '种子 {seed} 发散了（损失不再是有限值），研究中也这样计入发散的运行。指纹 {fingerprint}。',
    error: '无法重新训练：{error}',
    mark: '种子 {seed}',
    otherEngine: (engine, current) =>
      `这项研究由引擎 ${engine} 训练；本站运行的是引擎 ${current}，指纹可能不同，所以无法在这里重新验证它的种子。`,
  },
  words: {
    yes: '是',
    no: '否',
    tied: '持平',
    none: '无',
    notAvailable: '无',
    diverged: '发散',
    seed: '种子',
    seeds: (n) => `${n} 个种子`,
    points: (x) => `${x} 个百分点`,
    pairedInterval: (lo, hi) => `[${lo}, ${hi}]`,
    noPairedInterval: '（只有一对，没有区间）',
    listSeparator: '；',
    labelled: (label) => `${label}：`,
    aside: (remark) => `（${remark}）`,
    pairedMethod: (level) => `按种子配对，${level} 区间（所有比较合起来为 95%）`,
    plusMinus: (mean, std) => `${mean}（标准差 ${std}）`,
    accuracyAxis: '测试准确率（%）',
    mean: '均值',
    median: '中位数',
    std: '标准差（n−1）',
    ciT: '95% 置信区间（t 分布）',
    ciBootstrap: '95% 置信区间（自助法）',
    testAccuracy: '测试准确率',
    fingerprint: '指纹',
    undecided: {
      'all-diverged': '无法回答：所有运行都发散了（损失变为 NaN 或无穷大）。',
      'no-suggestion': '无法回答：没有任何种子给出建议值。',
      'not-measured': '本研究没有测量这一项。',
    },
  },
  models: { mlp: 'MLP', 'logistic-regression': '逻辑回归', knn: 'kNN', 'decision-tree': '决策树', 'random-forest': '随机森林' },
  guide: {
    title: '指南：关于训练的四个经典问题',
    heading: '关于训练的四个经典问题',
    description: '四个问题，每个都由一项可复现的研究来回答。',
    intro: '每个问题都由测量它的研究的实时卡片来回答；点击卡片可打开完整报告。',
    notRun: { before: '预设', after: '还没有运行；运行它的命令：' },
    questions: [
      {
        q: '1. 为什么同一个网络每次运行的准确率都不同？',
        text: '随机性从几个地方进入一次训练：初始权重、每轮的数据顺序、训练集与测试集的划分，以及 dropout 掩码。第一张卡片用许多种子训练同一个网络，测量同一个种子能否复现、准确率变化多大；第二张卡片每次只改变一个来源。',
      },
      {
        q: '2. 每种算法每次都会得到同样的模型吗？',
        text: '审计对每种算法分别训练：同一个种子训练两次、换一个种子、把训练行换一种顺序，然后逐位比较得到的模型。',
      },
      {
        q: '3. 深度学习比经典机器学习需要更多数据吗？',
        text: '学习曲线在逐渐增大的训练子集上训练 MLP 和经典模型（逻辑回归、kNN、决策树、随机森林），并在同一个固定的测试集上评分，数据集为 digits 和合成的螺旋数据。',
      },
      {
        q: '4. 如何找到好的学习率：从高到低（退火），还是从低到高（Smith 的范围测试）？',
        text: '范围测试让学习率逐批增大，从损失曲线上读出建议值，在许多种子上重复，再用建议值训练加以检验。学习率计划研究则用恒定、阶梯、指数、循环和 one-cycle 计划训练同样的种子。',
      },
    ],
  },
  method: {
    data(dataset, shape) {
      if ('samples' in dataset) {
        const classes = dataset.name === 'blobs' || dataset.name === 'spiral' ? `，${dataset.classes} 类` : '';
        return `数据：由 data 流生成的合成数据集 ${dataset.name}，${dataset.samples} 个点，噪声 ${dataset.noise}${classes}。`;
      }
      return shape
        ? `数据：内置数据集 ${dataset.name}（${shape.features} 个特征，${shape.classes} 类）。`
        : `数据：内置数据集 ${dataset.name}。`;
    },
    split(split, shape) {
      const rows = shape ? `（测试 ${shape.testRows} 行，训练 ${shape.trainRows} 行）` : '';
      return split.kind === 'index-mod'
        ? `划分：下标 % ${split.k} == ${split.r} 的行作为测试集${rows}，其余用于训练。`
        : `划分：由 split 流做分层随机划分，测试比例 ${split.testFraction}${rows}。`;
    },
    scaling(scaling) {
      if (scaling.kind === 'none') return '缩放：无。';
      if (scaling.kind === 'divide') return `缩放：特征除以 ${scaling.by}。`;
      return '缩放：用训练行的均值和标准差做标准化。';
    },
    init(setup, shape, f) {
      const net = shape
        ? `MLP ${shape.layerSizes.join(' → ')}（${f.int(shape.parameters)} 个参数）`
        : `隐藏层为 ${setup.model.hidden.join('、')} 的 MLP`;
      return `初始化：${net}，${setup.model.activation} 激活，权重按 ${setup.model.initializer} 从 init 流抽取，偏置为零。`;
    },
    epochs(setup, shape) {
      const { batchSize, epochs } = setup.training;
      const batches = shape ? `${Math.ceil(shape.trainRows / batchSize)} 个大小为 ${batchSize} 的批次` : `大小为 ${batchSize} 的批次`;
      return `每轮：用 order 流打乱训练行，切成 ${batches}（保留最后一个不完整的批次），共 ${epochs} 轮。`;
    },
    forward(setup) {
      const dropout = setup.model.dropout ? `，dropout ${setup.model.dropout}（每步由 dropout 流生成新掩码）` : '';
      return `每批前向：x·Wᵀ + b，${setup.model.activation}${dropout}，最后一层输出 logits。`;
    },
    loss: '损失：softmax 交叉熵，在批次上取平均。',
    backward: '反向：一次梯度调用为组内每个种子算出各自的梯度。',
    update(setup) {
      const o = setup.training.optimizer;
      return o.kind === 'adam'
        ? `更新：Adam，lr ${o.lr}，β1 ${o.beta1}，β2 ${o.beta2}，ε ${o.epsilon}。`
        : `更新：SGD，lr ${o.lr}${o.momentum ? `，动量 ${o.momentum}` : ''}。`;
    },
    constantLr: (lr) => `学习率：恒定 ${lr}。`,
    seeds: (seeds, f) => `种子：${compactSeeds(seeds, f)}。`,
  },
};
