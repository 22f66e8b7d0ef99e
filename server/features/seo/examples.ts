/**
 * @module seo/examples
 * Sample request values for the API document's SEO examples (tests/openapi runs every example).
 */

export const SITE = 'https://www.example.com'

export const PROFILE = {
  globalInfo: {
    brand_name: 'Northwind Coffee',
    brand_industry: 'Specialty coffee e-commerce',
    brand_voice: { tone: 'Warm, expert', style: 'Short paragraphs', values: ['Craft'] },
  },
  projects: [
    {
      project_url: SITE,
      target_region: 'United States',
      target_language: 'English',
      target_keywords: ['espresso beans', 'coffee subscription'],
    },
  ],
}

export const REPORT = {
  siteUrl: SITE,
  contentSeoHealthScore: 62,
  coreInsight: 'Strong product pages, few guides for brewing questions.',
}

export const COMPETITOR = { url: 'https://www.competitor.example', name: 'Competitor Roasters' }

export const SOLUTION = {
  strategyName: 'Brewing guides hub',
  seoGoal: 'Rank for brewing how-to searches',
  coreConcept: 'One thorough guide per brewing method',
  contentExamples: ['Espresso at home: the complete guide'],
  strategicReason: 'Competitors cover brewing methods thinly',
}

export const BRIEF = {
  titleSuggestion: 'Espresso at home: the complete guide',
  mainKeyword: 'espresso at home',
  secondaryKeywords: ['espresso grind size', 'espresso machine'],
  suggestedOutline: ['## Equipment', '## Beans and grind', '## Extraction'],
  estimatedWordcount: 1500,
}

export const ARTICLE = `# Espresso at home: the complete guide

Good espresso at home needs fresh beans, the right grind and a little patience.

## Equipment

A machine with stable temperature and a burr grinder matter most.

## Beans and grind

Use beans roasted in the last four weeks and grind just before brewing.

## Extraction

Aim for 18 g in and 36 g out in 25 to 30 seconds.
`

export const ISSUE = {
  type: 'Keyword',
  description: 'The main keyword is missing from the introduction.',
  suggestion: 'Use "espresso at home" in the first paragraph.',
}
