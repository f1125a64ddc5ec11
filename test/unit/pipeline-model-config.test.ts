import { describe, expect, it } from 'vitest';
import { applyOverrides, estimateCostUsd, parseModelEndpoints, publicModelConfig } from '@/lib/models/model-config';
import { parsePipelineSettings } from '@/lib/pipeline/settings';

describe('model endpoints from the environment', () => {
  it('gives every chat stage the defaults and lets a stage override them', () => {
    const { endpoints, problems } = parseModelEndpoints({
      COT_DEFAULT_BASE_URL: 'http://127.0.0.1:8000/v1/',
      COT_DEFAULT_MODEL: 'Qwen/Qwen2.5-VL-7B-Instruct',
      COT_DRAFT_BASE_URL: 'https://api.deepseek.com/v1',
      COT_DRAFT_MODEL: 'deepseek-reasoner',
      COT_DRAFT_API_KEY_ENV: 'DEEPSEEK_API_KEY',
      DEEPSEEK_API_KEY: 'sk-x',
      COT_DRAFT_RPM: '60',
      COT_REVISE_VIDEO_INPUT: 'video_url',
      COT_DEFAULT_EXTRA_BODY: '{"top_k": 20}',
    });
    expect(problems).toEqual([]);
    expect(endpoints.represent).toMatchObject({ baseUrl: 'http://127.0.0.1:8000/v1', model: 'Qwen/Qwen2.5-VL-7B-Instruct', apiKey: 'none', maxConcurrency: 4, rpm: null, timeoutMs: 120_000, extraBody: { top_k: 20 } });
    expect(endpoints.draft).toMatchObject({ baseUrl: 'https://api.deepseek.com/v1', model: 'deepseek-reasoner', apiKeyEnv: 'DEEPSEEK_API_KEY', apiKey: 'sk-x', rpm: 60 });
    expect(endpoints.revise).toMatchObject({ videoInput: 'video_url' });
    // The embedding stage never inherits a chat endpoint.
    expect(endpoints.consistency).toBeUndefined();
  });

  it('names every bad variable', () => {
    const { problems } = parseModelEndpoints({
      COT_DRAFT_BASE_URL: 'not a url',
      COT_REVISE_BASE_URL: 'http://x/v1',
      COT_REPRESENT_BASE_URL: 'http://x/v1',
      COT_REPRESENT_MODEL: 'm',
      COT_REPRESENT_TEMPERATURE: '7',
      COT_REPRESENT_API_KEY_ENV: 'MISSING_KEY',
      COT_REPRESENT_EXTRA_BODY: '[1]',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^COT_DRAFT_BASE_URL: /),
        'COT_REVISE_MODEL: required when COT_REVISE_BASE_URL (or COT_DEFAULT_BASE_URL) is set',
        expect.stringMatching(/^COT_REPRESENT_TEMPERATURE: /),
        'COT_REPRESENT_API_KEY_ENV names MISSING_KEY, which is not set',
        'COT_REPRESENT_EXTRA_BODY: must be a JSON object',
      ]),
    );
  });

  it('shows a config without its key, and applies a run’s overrides', () => {
    const { endpoints } = parseModelEndpoints({ COT_DRAFT_BASE_URL: 'http://x/v1', COT_DRAFT_MODEL: 'a', COT_DRAFT_API_KEY_ENV: 'K', K: 'secret' });
    const pub = publicModelConfig(endpoints.draft!);
    expect(pub).not.toHaveProperty('apiKey');
    expect(JSON.stringify(pub)).not.toContain('secret');
    expect(applyOverrides(endpoints.draft!, { model: 'b', temperature: 0.6 })).toMatchObject({ model: 'b', temperature: 0.6, apiKey: 'secret' });
  });

  it('estimates cost from per-million-token prices', () => {
    expect(estimateCostUsd({ priceInputPerMTok: 0.55, priceOutputPerMTok: 2.19 }, 1_000_000, 500_000)).toBeCloseTo(1.645, 9);
  });

  it('validates the stage settings', () => {
    const ok = parsePipelineSettings({ COT_FRAMES_FPS: '2', COT_CHECK_MIN_CONSISTENCY: '0.4' });
    expect(ok.problems).toEqual([]);
    expect(ok.settings.frames).toEqual({ fps: 2, maxFrames: 32, maxSide: 448 });
    expect(ok.settings.check).toEqual({ openEndedMinScore: 0.5, minConsistency: 0.4, missingAnswer: 'empty' });
    expect(parsePipelineSettings({ COT_FRAMES_MAX: '0', COT_CHECK_MISSING_ANSWER: 'none' }).problems).toHaveLength(2);
  });
});
