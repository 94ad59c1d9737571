import type { SeedVarianceDocument, StudyDocument } from '../../../src/document/studyDocument.ts';
import { formatters, type Locale } from './i18n.ts';
import { headlineOf } from './verdicts.ts';

/** Wording shared by pages, cards, badges and images: formatting of document values only. */
export const headline = (doc: StudyDocument, locale: Locale): string => headlineOf(doc, locale);

/** The value half of a badge, kept short. */
export function badgeValue(doc: StudyDocument): string {
  const p = (x: number) => `${(100 * x).toFixed(1)}%`;
  switch (doc.kind) {
    case 'seed-variance':
      return doc.summary ? `${p(doc.summary.mean)} ± ${(100 * doc.summary.std).toFixed(1)}` : 'diverged';
    case 'lr-range-test':
      return `lr ${doc.suggestions[doc.verification.suggestion].median?.toPrecision(2) ?? 'n/a'}`;
    case 'lr-schedule': {
      const best = doc.schedules.find((s) => s.name === doc.best);
      return best?.summary ? `${best.name} ${p(best.summary.mean)}` : 'diverged';
    }
    case 'data-size':
      return `best: ${doc.leaders.largest}`;
    case 'variance-sources': {
      const all = doc.sources.find((s) => s.name === 'all');
      return `std ${all?.std == null ? 'n/a' : (100 * all.std).toFixed(2)} pts`;
    }
    case 'determinism-audit':
      return `${doc.rows.filter((r) => r.category === 'always-same').length}/${doc.rows.length} always same`;
    case 'compare':
      return doc.difference ? `Δ ${(100 * doc.difference.meanDiff).toFixed(2)} pts` : 'n/a';
  }
}

/** The real training steps with the real parameters, in order. */
export function trainingSteps(doc: SeedVarianceDocument, locale: Locale): string[] {
  const { spec } = doc;
  const f = formatters(locale);
  const zh = locale === 'zh';
  const ds = spec.dataset;
  const data =
    'samples' in ds
      ? zh
        ? `数据：从 data 流生成合成数据集 ${ds.name}，${ds.samples} 个点，噪声 ${ds.noise}${ds.name === 'blobs' || ds.name === 'spiral' ? `，${ds.classes} 类` : ''}。`
        : `Data: synthetic ${ds.name}, ${ds.samples} points generated from the data stream, noise ${ds.noise}${ds.name === 'blobs' || ds.name === 'spiral' ? `, ${ds.classes} classes` : ''}.`
      : zh
        ? `数据：内置数据集 ${ds.name}（${doc.data.features} 个特征，${doc.data.classes} 类）。`
        : `Data: the bundled ${ds.name} set (${doc.data.features} features, ${doc.data.classes} classes).`;
  const split =
    spec.split.kind === 'index-mod'
      ? zh
        ? `划分：下标 % ${spec.split.k} == ${spec.split.r} 的行作为测试集（${doc.data.testRows} 行），其余 ${doc.data.trainRows} 行用于训练。`
        : `Split: rows with index % ${spec.split.k} == ${spec.split.r} are the test set (${doc.data.testRows} rows); the other ${doc.data.trainRows} train.`
      : zh
        ? `划分：由 split 流做分层随机划分，测试比例 ${spec.split.testFraction}（${doc.data.testRows} 测试行，${doc.data.trainRows} 训练行）。`
        : `Split: stratified, seeded by the split stream, test fraction ${spec.split.testFraction} (${doc.data.testRows} test rows, ${doc.data.trainRows} train).`;
  const scaling =
    spec.scaling.kind === 'none'
      ? zh
        ? '缩放：无。'
        : 'Scaling: none.'
      : spec.scaling.kind === 'divide'
        ? zh
          ? `缩放：特征除以 ${spec.scaling.by}。`
          : `Scaling: features divided by ${spec.scaling.by}.`
        : zh
          ? '缩放：用训练集的均值和标准差标准化。'
          : "Scaling: standardized with the training set's mean and standard deviation.";
  const sizes = doc.model.layerSizes.join(' → ');
  const init = zh
    ? `初始化：MLP ${sizes}（${f.int(doc.model.parameters)} 个参数），${spec.model.activation} 激活，权重用 ${spec.model.initializer} 从 init 流抽取，偏置为零。`
    : `Init: MLP ${sizes} (${f.int(doc.model.parameters)} parameters), ${spec.model.activation} activations, weights drawn ${spec.model.initializer} from the init stream, biases zero.`;
  const steps = Math.ceil(doc.data.trainRows / spec.training.batchSize);
  const shuffle = zh
    ? `每轮：用 order 流打乱 ${doc.data.trainRows} 个训练行，切成 ${steps} 个大小为 ${spec.training.batchSize} 的批次（保留最后一个不完整的批次），共 ${spec.training.epochs} 轮。`
    : `Each epoch: shuffle the ${doc.data.trainRows} training rows with the order stream and cut ${steps} batches of ${spec.training.batchSize} (the last partial batch is kept), for ${spec.training.epochs} epochs.`;
  const forward = zh
    ? `每批前向：x·Wᵀ + b，${spec.model.activation}${spec.model.dropout ? `，dropout ${spec.model.dropout}（每步由 dropout 流生成新掩码）` : ''}，最后一层输出 logits。`
    : `Each batch, forward: x·Wᵀ + b, ${spec.model.activation}${spec.model.dropout ? `, dropout ${spec.model.dropout} (a new mask from the dropout stream every step)` : ''}, logits from the last layer.`;
  const loss = zh ? '损失：softmax 交叉熵，在批次上取平均。' : 'Loss: softmax cross-entropy, averaged over the batch.';
  const backward = zh
    ? '反向：一次梯度调用得到组内所有种子的梯度。'
    : "Backward: one gradient call gives every seed's gradients in the group.";
  const o = spec.training.optimizer;
  const update =
    o.kind === 'adam'
      ? zh
        ? `更新：Adam，lr ${o.lr}，β1 ${o.beta1}，β2 ${o.beta2}，ε ${o.epsilon}。`
        : `Update: Adam, lr ${o.lr}, β1 ${o.beta1}, β2 ${o.beta2}, ε ${o.epsilon}.`
      : zh
        ? `更新：SGD，lr ${o.lr}${o.momentum ? `，动量 ${o.momentum}` : ''}。`
        : `Update: SGD, lr ${o.lr}${o.momentum ? `, momentum ${o.momentum}` : ''}.`;
  const schedule = zh ? `学习率计划：恒定 ${o.lr}。` : `Learning-rate schedule: constant ${o.lr}.`;
  return [data, split, scaling, init, shuffle, forward, loss, backward, update, schedule];
}
