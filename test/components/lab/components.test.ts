import { describe, expect, it, vi } from 'vitest';
import './dict';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import StrategyPanel from '../../../src/components/lab/StrategyPanel.svelte';
import OutcomeCards from '../../../src/components/lab/OutcomeCards.svelte';
import Quiz from '../../../src/components/lab/Quiz.svelte';
import Notice from '../../../src/components/lab/Notice.svelte';
import SegmentControls from '../../../src/components/lab/SegmentControls.svelte';
import PredictReveal from '../../../src/components/lab/PredictReveal.svelte';
import TaskChecker from '../../../src/components/lab/TaskChecker.svelte';
import ShareLink from '../../../src/components/lab/ShareLink.svelte';
import { DEFAULT_STRATEGY } from '../../../simulations/strategy/levers';
import { defaultParams } from '../../../src/lib/lab/state';
import type { OutcomeFigures } from '../../../src/lib/lab/run';

const figures = (o: Partial<OutcomeFigures> = {}): OutcomeFigures => ({
  totalCost: 725_000_000,
  costPerCustomer: 362_500,
  revenue: 888_000_000,
  profit: 163_000_000,
  satisfaction: 70.7,
  otif: 0.646,
  churnRate: 0.29,
  cost: { production: 1, setup: 1, holding: 1, transport: 1, duties: 1, service: 1, orderHandling: 1, obsolescence: 1, complexity: 1 },
  ...o,
});

describe('StrategyPanel', () => {
  const segments = [
    { key: 'A', name: 'Class A', customers: 470, revenueShare: 0.8, strategy: { ...DEFAULT_STRATEGY } },
    { key: 'C', name: 'Class C', customers: 1082, revenueShare: 0.05, strategy: { ...DEFAULT_STRATEGY, discount: 0.05 } },
  ];

  it('emits a complete, valid strategy for the segment whose lever changed', async () => {
    const onchange = vi.fn();
    const { container } = render(StrategyPanel, { lang: 'en', segments, onchange, idPrefix: 't' });
    const card = container.querySelector('[data-segment="A"]') as HTMLElement;
    await fireEvent.change(within(card).getByLabelText('Supply chain'), { target: { value: 'responsive' } });
    expect(onchange).toHaveBeenLastCalledWith('A', { ...DEFAULT_STRATEGY, supplyChain: 'responsive' });
    await fireEvent.input(within(card).getByLabelText('Target service level'), { target: { value: '0.97' } });
    expect(onchange).toHaveBeenLastCalledWith('A', { ...DEFAULT_STRATEGY, serviceLevel: 0.97 });
    const c = container.querySelector('[data-segment="C"]') as HTMLElement;
    await fireEvent.change(within(c).getByLabelText('Ship from'), { target: { value: 'regional' } });
    expect(onchange).toHaveBeenLastCalledWith('C', { ...DEFAULT_STRATEGY, discount: 0.05, fulfilment: 'regional' });
  });

  it('labels every lever, marks changed cards in text, and gives unique ids', () => {
    const { container } = render(StrategyPanel, { lang: 'zh-cn', segments, onchange: () => {}, idPrefix: 't' });
    const controls = container.querySelectorAll('select, input');
    expect(controls).toHaveLength(14);
    const ids = new Set<string>();
    for (const el of controls) {
      expect(container.querySelector(`label[for="${el.id}"]`)).not.toBeNull();
      ids.add(el.id);
    }
    expect(ids.size).toBe(14);
    expect(container.querySelector('[data-segment="C"]')?.textContent).toContain('已修改');
    expect(container.querySelector('[data-segment="A"]')?.textContent).not.toContain('已修改');
  });
});

describe('OutcomeCards', () => {
  it('shows value, change against the baseline and the previous run, with words and arrows', () => {
    render(OutcomeCards, {
      lang: 'en',
      current: figures({ totalCost: 750_000_000, satisfaction: 73.2, otif: 0.7 }),
      baseline: figures(),
      previous: figures({ totalCost: 750_000_000, satisfaction: 72.0 }),
    });
    expect(screen.getByTestId('delta-baseline-totalCost').textContent).toContain('▲ up $25.0M (worse)');
    expect(screen.getByTestId('delta-previous-totalCost').textContent).toContain('no change');
    expect(screen.getByTestId('delta-baseline-satisfaction').textContent).toContain('up 2.5 pts (better)');
    expect(screen.getByTestId('delta-previous-satisfaction').textContent).toContain('up 1.2 pts (better)');
    expect(screen.getByTestId('delta-baseline-otif').textContent).toContain('up 5.4% (better)');
  });

  it('never shows NaN, even for non-finite input, and says when there is no previous run', () => {
    const { container } = render(OutcomeCards, { lang: 'zh-cn', current: figures({ profit: Number.NaN, otif: Infinity }), baseline: figures(), previous: null });
    expect(container.textContent).not.toMatch(/NaN|Infinity|undefined/);
    expect(screen.getByTestId('delta-previous-profit').textContent).toContain('还没有上一次结果');
    expect(screen.getByTestId('outcome-profit').textContent).toContain('–');
  });
});

describe('Quiz', () => {
  const questions = [
    {
      prompt: 'Which customers does an ABC analysis put in class A?',
      options: [
        { text: 'The largest customers by revenue', correct: true, why: 'A is the top of the revenue ranking.' },
        { text: 'The most profitable customers', correct: false, why: 'ABC ranks revenue, not profit.' },
      ],
    },
    {
      prompt: 'What does a whale curve show?',
      options: [
        { text: 'Cumulative profit by customer', correct: true, why: 'It rises above 100 % and falls back.' },
        { text: 'Revenue by region', correct: false, why: 'That is a regional bar chart.' },
      ],
    },
  ];

  it('asks for a choice, then explains every option and scores', async () => {
    const { container } = render(Quiz, { lang: 'en', id: 'value', questions });
    const checks = screen.getAllByRole('button', { name: 'Check answer' });
    await fireEvent.click(checks[0]);
    expect(container.textContent).toContain('Choose an answer first.');
    await fireEvent.click(screen.getByLabelText('The most profitable customers'));
    await fireEvent.click(checks[0]);
    const q0 = container.querySelector('[data-question="0"]') as HTMLElement;
    expect(q0.textContent).toContain('✗ Not quite.');
    expect(q0.textContent).toContain('ABC ranks revenue, not profit.');
    expect(q0.textContent).toContain('A is the top of the revenue ranking.');
    expect(q0.querySelector('[data-option="0"]')?.textContent).toContain('Correct answer');
    expect(q0.querySelector('[data-option="1"]')?.textContent).toContain('Your answer');
    expect(screen.queryByTestId('quiz-score')).toBeNull();
    await fireEvent.click(screen.getByLabelText('Cumulative profit by customer'));
    await fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(container.querySelector('[data-question="1"]')?.textContent).toContain('✓ Correct.');
    expect(screen.getByTestId('quiz-score').textContent).toBe('1 of 2 correct');
    await fireEvent.click(screen.getByRole('button', { name: 'Try the quiz again' }));
    expect(screen.getAllByRole('button', { name: 'Check answer' })).toHaveLength(2);
  });

  it('survives malformed questions', () => {
    const { container } = render(Quiz, { lang: 'zh-cn', id: 'x y', questions: [{ prompt: 'Q', options: [] }] as never });
    expect(container.textContent).toContain('这个测验还没有题目。');
  });
});

describe('Notice, controls, predict, tasks, share', () => {
  it('Notice lists each ignored parameter with its translated reason', () => {
    render(Notice, { lang: 'zh-cn', items: [{ param: 'p.a', value: '5', reason: 'range' }, { param: 'seed', value: '', reason: 'missing' }] });
    const n = screen.getByTestId('lab-notice');
    expect(n.getAttribute('role')).toBe('alert');
    expect(n.textContent).toContain('p.a = “5”：超出允许范围，已使用默认值。');
    expect(n.textContent).toContain('seed：缺失，已使用默认值。');
  });

  it('SegmentControls emits valid values and keeps the multi-select within 2..5', async () => {
    const onchange = vi.fn();
    const { container } = render(SegmentControls, { lang: 'en', lens: 'needs', params: defaultParams('needs'), onchange, idPrefix: 'n' });
    await fireEvent.click(screen.getByLabelText('Quality'));
    expect(onchange).toHaveBeenLastCalledWith('needs', ['price', 'speed', 'service', 'quality']);
    await fireEvent.input(screen.getByLabelText('Stand-out threshold'), { target: { value: '0.5' } });
    expect(onchange).toHaveBeenLastCalledWith('minScore', 0.5);
    const { container: c2 } = render(SegmentControls, { lang: 'en', lens: 'needs', params: { needs: ['price', 'speed'], minScore: 0.25 }, onchange, idPrefix: 'm' });
    const price = c2.querySelector('input[value="price"]') as HTMLInputElement;
    expect(price.disabled).toBe(true);
    expect(container.textContent).not.toMatch(/NaN/);
  });

  it('SegmentControls lists locked controls as fixed', () => {
    const { container } = render(SegmentControls, { lang: 'en', lens: 'value', params: { ...defaultParams('value'), scheme: 'clv' }, onchange: () => {}, idPrefix: 'v' });
    expect(container.textContent).toContain('Fixed in this lesson: CLV discount rate = 10%');
    expect(container.querySelector('input[data-control="d"]')).toBeNull();
  });

  it('PredictReveal requires a guess, then reveals right or wrong with the reason', async () => {
    const reveal = vi.fn(() => ({ value: 'b', label: 'Bee', figure: '42%' }));
    render(PredictReveal, { lang: 'en', question: 'Which?', options: [{ value: 'a', label: 'Ay' }, { value: 'b', label: 'Bee' }], reveal, why: 'Because.', idPrefix: 'p' });
    await fireEvent.click(screen.getByRole('button', { name: 'Lock in my guess' }));
    expect(reveal).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByLabelText('Ay'));
    await fireEvent.click(screen.getByRole('button', { name: 'Lock in my guess' }));
    const result = screen.getByTestId('predict-result');
    expect(result.dataset.correct).toBe('false');
    expect(result.textContent).toContain('you chose Ay, the answer is Bee (42%)');
    expect(result.textContent).toContain('Because.');
  });

  it('TaskChecker says met or not met in words', () => {
    render(TaskChecker, { lang: 'en', tasks: [{ id: 't1', title: 'One', goal: 'Do it', met: true, reason: 'Met: yes' }, { id: 't2', title: 'Two', goal: 'Do that', met: false, reason: 'Not there' }] });
    expect(screen.getByTestId('task-t1').textContent).toContain('Task met');
    expect(screen.getByTestId('task-t2').textContent).toContain('Not yet');
  });

  it('ShareLink copies the URL, or selects it for manual copying', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(ShareLink, { lang: 'en', url: 'https://x.org/?lab=value&seed=1', idPrefix: 's' });
    await fireEvent.click(screen.getByTestId('share-copy'));
    await new Promise((r) => setTimeout(r, 0));
    expect(writeText).toHaveBeenCalledWith('https://x.org/?lab=value&seed=1');
    expect(screen.getByRole('status').textContent).toContain('Link copied');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await fireEvent.click(screen.getByTestId('share-copy'));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole('status').textContent).toContain('press Ctrl+C');
  });
});
