/**
 * TeX source of every lab formula (see formulas.ts). Only the generator and the tests read this file.
 */
export const TEX: Record<string, string> = {
  totalCost: String.raw`\begin{aligned} C &= C_{\text{prod}} + C_{\text{setup}} + C_{\text{hold}} + C_{\text{transport}} + C_{\text{duty}} \\ &\quad + C_{\text{service}} + C_{\text{order}} + C_{\text{obs}} + C_{\text{cx}} \end{aligned}`,
  safetyStock: String.raw`S = F\,(L+R) + z\,\sigma\sqrt{L+R},\quad z = \Phi^{-1}(\mathrm{CSL})`,
  pooling: String.raw`\sigma_{\text{pooled}} = \sqrt{\textstyle\sum_i \sigma_i^2} \;\le\; \textstyle\sum_i \sigma_i`,
  transport: String.raw`C_{\text{transport}} = w\,(a_m + b_m\,d),\qquad C_{\text{duty}} = \tau\,(\text{revenue} + C_{\text{transport}})`,
  otif: String.raw`\mathrm{OTIF} = P(\text{on time}) \times \text{fill rate}`,
  satisfaction: String.raw`s_{t+1} = s_t + \alpha\,(100\,E_t - s_t),\quad E_t = \textstyle\sum_k w_k\,u_k`,
  churn: String.raw`h = h_0\,e^{\,k\,(s_{\text{ref}} - s)/10},\qquad h_0 = 1 - r^{1/52}`,
  profit: String.raw`\Pi = \text{revenue} - C,\qquad \text{cost-to-serve per customer} = C / N`,
  needs: String.raw`z_{ij} = \frac{x_{ij} - \bar{x}_j}{s_j},\qquad \text{segment}(i) = \arg\max_j z_{ij} \text{ if } \max_j z_{ij} \ge z_{\min}`,
  value: String.raw`\mathrm{CLV} = m\,\frac{r}{1 + d - r},\qquad \text{A: } \textstyle\sum_{\text{rank} < i} \text{rev} \,/\, \sum \text{rev} < a`,
  geography: String.raw`\text{lead time} = t_{\text{pick}} + t_{0,m} + \frac{d}{v_m}`,
  lifecycle: String.raw`z^{*} = \Phi^{-1}\!\left(\frac{c_u}{c_u + c_o}\right)`,
  behaviour: String.raw`C_{\text{order}} = \text{orders} \times c_{\text{channel}}`,
};
