/**
 * Capacity of the AMD (Xilinx) Versal AI Core XCVC1902, the device Appendix C names, from the
 * vendor's documents:
 * - DSP58 engines 1 968: Versal DSP Engine Architecture Manual (AM004), Table 1 "Maximum Number of
 *   Cascadable DSP58s in Versal ACAPs" (VC1902: 1,968); the VCK190 platform description (UG1702)
 *   also lists "400 AI engines, 1968 DSP engines".
 * - CLB LUTs 899 840 and flip-flops 1 799 680: Versal Architecture and Product Data Sheet: Overview
 *   (DS950), Versal AI Core product table; consistent with UG1273's "every CLB contains 64
 *   flip-flops and 32 LUTs" (FF = 2 × LUT) and with 1 968 400 system logic cells = 2.1875 × LUTs.
 * - Block RAM 967 (36 Kb each) and UltraRAM 463 (288 Kb each): DS950, same table.
 */
export const VC1902 = Object.freeze({
  luts: 899_840,
  flipFlops: 1_799_680,
  systemLogicCells: 1_968_400,
  blockRam36k: 967,
  ultraRam: 463,
  dsp58: 1_968,
  aiEngines: 400,
});

export const VC1902_SOURCE = "AMD Versal AI Core XCVC1902: DS950 product table (LUTs 899 840, FFs 1 799 680, block RAM 967, UltraRAM 463, 1 968 400 system logic cells); DSP58 1 968 per AM004 Table 1";
